import { beforeEach, describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { DEFAULT_DUNNING_POLICY } from "@/domain/billing/dunning-policy";
import { isDomainError } from "@/domain/shared/domain-error";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { createCustomerGroup } from "@/server/customer-groups/create-customer-group";
import { findGroup } from "@/server/customer-groups/customer-group-repository";
import { updateGroupBillingSettings } from "@/server/customer-groups/update-group-billing";
import { getDb } from "@/server/db/client";
import { findSuspensionNotice } from "@/server/subscriptions/find-suspension-notice";
import { makeCustomer, makeProducts, makeStaff } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const now = new Date("2026-06-01T10:00:00Z");

async function runOn(asOf: CalendarDate) {
  const run = await startBillingRun(db, { asOf, dryRun: false, requestedBy: "test" }, asOf, new Date(`${asOf}T05:00:00Z`), true);
  const result = await executeBillingRun(db, run.id, () => new Date(`${asOf}T05:00:00Z`));
  expect(result?.status).toBe("SUCCEEDED");
  return result;
}

async function monthly(customerId: string, productId: string, start: string, end: string) {
  return db.subscription.create({
    data: { customerId, productId, description: `Hébergement ${start}`, quantity: "1", unitAmountMinor: 1500n, currency: "EUR", taxRateBp: 2000, cycle: "MONTHLY", anchorDay: Number(start.slice(8, 10)),
      currentPeriodStart: new Date(`${start}T00:00:00Z`), currentPeriodEnd: new Date(`${end}T00:00:00Z`) },
  });
}

beforeEach(async () => {
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});

describe("a customer group's Billing tab", () => {
  it("starts with the sources' terms, refuses a taken name on its field, and audits what a save changed", async () => {
    const staff = await makeStaff(["BILLING"]);
    const name = `Resellers ${crypto.randomUUID()}`;
    const { groupId } = await createCustomerGroup(db, staff, name, now);
    expect((await findGroup(db, groupId))?.policy).toEqual(DEFAULT_DUNNING_POLICY);
    const taken = await createCustomerGroup(db, staff, name, now).catch((e: unknown) => e);
    expect(isDomainError(taken) && taken.details).toMatchObject({ field: "name", reason: "NAME_TAKEN" });

    const policy = { ...DEFAULT_DUNNING_POLICY, renewalLeadDays: 30, reminderDaysBeforeDue: [20, 7], holidayCountry: "DE", holidayRegion: "BY" };
    expect(await updateGroupBillingSettings(db, { ...staff, mayAllowManualStatus: false }, groupId, { policy }, now)).toEqual({
      changedFields: ["renewalLeadDays", "reminderDaysBeforeDue", "holidayCountry", "holidayRegion"],
    });
    expect((await findGroup(db, groupId))?.policy).toEqual(policy);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customer_group.billing_updated", targetId: groupId } });
    expect(audit.details).toMatchObject({ before: { renewalLeadDays: 15 }, after: { renewalLeadDays: 30 } });
  });

  it("lets only an administrator allow status changes by hand, and refuses a holiday calendar the library does not know", async () => {
    const staff = await makeStaff(["BILLING"]);
    const { groupId } = await createCustomerGroup(db, staff, `Public sector ${crypto.randomUUID()}`, now);
    const billing = { ...staff, mayAllowManualStatus: false };
    expect(await codeOf(updateGroupBillingSettings(db, billing, groupId, { policy: DEFAULT_DUNNING_POLICY, manualStatusChanges: true }, now))).toBe("FORBIDDEN");
    await updateGroupBillingSettings(db, { ...staff, mayAllowManualStatus: true }, groupId, { policy: DEFAULT_DUNNING_POLICY, manualStatusChanges: true }, now);
    expect((await findGroup(db, groupId))?.manualStatusChanges).toBe(true);
    // Billing staff saving the tab without the switch keep the administrator's choice.
    await updateGroupBillingSettings(db, billing, groupId, { policy: { ...DEFAULT_DUNNING_POLICY, suspendAfterDays: 3 } }, now);
    expect((await findGroup(db, groupId))?.manualStatusChanges).toBe(true);

    const unknownRegion = await updateGroupBillingSettings(db, billing, groupId, { policy: { ...DEFAULT_DUNNING_POLICY, holidayRegion: "ZZ" } }, now).catch((e: unknown) => e);
    expect(isDomainError(unknownRegion) && unknownRegion.details).toMatchObject({ field: "holidayRegion", reason: "NOT_A_REGION" });
    expect(await codeOf(updateGroupBillingSettings(db, billing, crypto.randomUUID(), { policy: DEFAULT_DUNNING_POLICY }, now))).toBe("NOT_FOUND");
  });

  it("is what the next run applies: invoicing on the renewal day, with weekends only for business days", async () => {
    const staff = await makeStaff(["BILLING"]);
    const { groupId } = await createCustomerGroup(db, staff, `On the day ${crypto.randomUUID()}`, now);
    await updateGroupBillingSettings(db, { ...staff, mayAllowManualStatus: false }, groupId, { policy: { ...DEFAULT_DUNNING_POLICY, renewalLeadDays: 0, reminderDaysBeforeDue: [], holidayCountry: null } }, now);
    const customer = await db.customer.update({ where: { id: (await makeCustomer()).id }, data: { groupId } });
    const { server } = await makeProducts();
    await monthly(customer.id, server.id, "2026-06-10", "2026-07-10");
    await runOn("2026-07-09" as CalendarDate);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(0);
    await runOn("2026-07-10" as CalendarDate);
    const [invoice] = await db.invoice.findMany({ where: { customerId: customer.id } });
    expect(invoice?.issueDate?.toISOString().slice(0, 10)).toBe("2026-07-10");
  });
});

describe("a suspended service", () => {
  it("shows the customer what to pay to restore it; the run releases a hold whose invoice was settled behind its back", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const sub = await monthly(customer.id, server.id, "2026-08-01", "2026-09-01");
    for (const day of ["2026-08-17", "2026-09-03"] as CalendarDate[]) await runOn(day);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("SUSPENDED");
    const notice = await findSuspensionNotice(db, customer.id);
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(notice).toEqual({ invoices: [{ invoiceId: invoice.id, number: invoice.number, amountDueMinor: 1800, currency: "EUR", services: [sub.description] }] });
    expect(await findSuspensionNotice(db, (await makeCustomer()).id)).toBeNull();

    // Settled by an import that wrote the ledger directly: the next run notices and reinstates.
    await db.$executeRaw`UPDATE invoices SET paid_minor = gross_minor, status = 'PAID' WHERE id = ${invoice.id}::uuid`;
    const result = await runOn("2026-09-04" as CalendarDate);
    expect(result?.counts).toMatchObject({ reinstatements: 1, cyclesLengthened: 1 });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("ACTIVE");
    expect(await findSuspensionNotice(db, customer.id)).toBeNull();
    expect((await runOn("2026-09-05" as CalendarDate))?.counts).toMatchObject({ reinstatements: 0 });
  });
});
