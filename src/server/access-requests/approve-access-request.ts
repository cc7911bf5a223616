import { ZCreateCustomerInput } from "@/contracts/customers";
import { formatTaxId } from "@/domain/customers/tax-id";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { insertCustomer } from "@/server/customers/customer-writes";
import type { RootDb } from "@/server/db/types";
import { inviteCustomerUserWithin } from "@/server/invitations/invite-customer-user";
import { countCompanyUsers, findGroupRules, findMatchingCustomer, findRequest, moveStatus, setApprovalOutcome } from "@/server/access-requests/access-request-repository";

/**
 * Billing staff approve a submitted request: the representative is invited (the skeleton's
 * invitation e-mail) into the group's company whose tax ID matches, or into a company created now
 * from the request. The first user of a company becomes its owner, later ones members.
 * The status moves first, guarded by SUBMITTED, so a double click approves and invites once; any
 * refusal after that (the e-mail already has an account) rolls the whole approval back.
 */
export async function approveAccessRequest(db: RootDb, actor: StaffActor, requestId: string, ctx: RequestContext, now: Date) {
  return db.$transaction(async (tx) => {
    const request = await findRequest(tx, requestId);
    if (!request) throw new DomainError("NOT_FOUND", { entity: "access_request" });
    const group = await findGroupRules(tx, request.groupId);
    if (!group) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    if (!group.portalEnabled) throw new DomainError("PORTAL_DISABLED");
    if (!(await moveStatus(tx, request.id, "SUBMITTED", "APPROVED", { decidedById: actor.id, decidedAt: now }))) throw new DomainError("ACCESS_REQUEST_CLOSED");
    if (!request.taxId) throw new DomainError("ACCESS_REQUEST_INCOMPLETE");
    const locale = isLocale(request.locale) ? request.locale : "en";

    const matched = await findMatchingCustomer(tx, group.id, request.taxId);
    const customerId =
      matched?.id ??
      (
        await insertCustomer(
          tx,
          ZCreateCustomerInput.parse({ legalName: request.companyName, billingEmail: request.contactEmail, taxId: formatTaxId(group.taxIdFormat, request.taxId), locale, groupId: group.id }),
        )
      ).id;
    if (!matched) {
      await recordAudit(tx, { action: "customer.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "customer", targetId: customerId, customerId, ip: ctx.ip, userAgent: ctx.userAgent, details: { accessRequestId: request.id }, at: now });
    }
    const role = (await countCompanyUsers(tx, customerId)) === 0 ? "OWNER" : "MEMBER";
    const { invitationId } = await inviteCustomerUserWithin(tx, actor, { customerId, email: request.contactEmail, role, locale }, ctx, now);
    await setApprovalOutcome(tx, request.id, customerId, invitationId);
    await recordAudit(tx, {
      action: "access_request.approved",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "access_request",
      targetId: request.id,
      customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { email: request.contactEmail, role, matched: Boolean(matched) },
      at: now,
    });
    return { customerId, invitationId, role, matched: Boolean(matched) };
  });
}
