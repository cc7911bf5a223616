import { DomainError } from "@/domain/shared/domain-error";
import type { TCreateCustomerInput, TCreateSiteInput, TUpdateCustomerInput } from "@/contracts/customers";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { customerExists, groupExists, insertCustomer, insertSite, lockCustomerForUpdate, updateCustomerRow } from "@/server/customers/customer-writes";
import type { RootDb } from "@/server/db/types";
import { revokeBillingEmailLinks, setPendingBillingEmail } from "@/server/self-service/self-service-repository";

/** Billing staff create a customer company. */
export async function createCustomer(db: RootDb, actor: StaffActor, input: TCreateCustomerInput, now: Date) {
  return db.$transaction(async (tx) => {
    if (input.groupId && !(await groupExists(tx, input.groupId))) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    const { id } = await insertCustomer(tx, input);
    await recordAudit(tx, { action: "customer.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "customer", targetId: id, customerId: id, at: now });
    return { customerId: id };
  });
}

/**
 * Edits a customer: only the fields given, and the audit lists only those whose value changed.
 * Issued invoices keep the buyer as it was when they were issued.
 */
export async function updateCustomer(db: RootDb, actor: StaffActor, customerId: string, input: TUpdateCustomerInput, now: Date) {
  return db.$transaction(async (tx) => {
    if (input.groupId && !(await groupExists(tx, input.groupId))) throw new DomainError("NOT_FOUND", { entity: "customer_group", field: "groupId" });
    const current = await lockCustomerForUpdate(tx, customerId);
    if (!current) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const changed = Object.fromEntries(Object.entries(input).filter(([field, value]) => value !== undefined && current[field as keyof typeof current] !== value));
    const fields = Object.keys(changed);
    if (fields.length === 0) return { changedFields: [] };
    await updateCustomerRow(tx, customerId, changed);
    // Staff setting the billing e-mail settle it: a change the customer asked for and has not
    // confirmed yet is dropped, so its link cannot undo this one.
    if (fields.includes("billingEmail")) {
      await revokeBillingEmailLinks(tx, customerId, now);
      await setPendingBillingEmail(tx, customerId, null);
    }
    await recordAudit(tx, { action: "customer.updated", actorUserId: actor.id, actorEmail: actor.email, targetType: "customer", targetId: customerId, customerId, details: { fields }, at: now });
    return { changedFields: fields };
  });
}

export async function createSite(db: RootDb, actor: StaffActor, customerId: string, input: TCreateSiteInput, now: Date) {
  return db.$transaction(async (tx) => {
    if (!(await customerExists(tx, customerId))) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const { id } = await insertSite(tx, customerId, input);
    await recordAudit(tx, { action: "site.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "site", targetId: id, customerId, at: now });
    return { siteId: id };
  });
}
