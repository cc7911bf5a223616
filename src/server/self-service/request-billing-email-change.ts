import { tokenExpiry } from "@/domain/auth/single-use-token";
import { isLocale, type Locale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { insertAuthToken } from "@/server/invitations/invitation-repository";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { countRecentBillingEmailLinks, lockCompany, revokeBillingEmailLinks, setPendingBillingEmail } from "@/server/self-service/self-service-repository";
import type { SelfServiceActor } from "@/server/self-service/self-service-actor";

/** At most this many confirmation links per company per hour, so the form cannot spam a mailbox. */
export const MAX_BILLING_EMAIL_LINKS_PER_HOUR = 5;

/**
 * The company's owner asks for a new billing address. Nothing changes yet: the new address gets a
 * single-use link (only its hash is stored) and becomes the pending address; the current address is
 * told a change was asked for, with no link that could act on it. A newer request revokes the older
 * links, so only the latest address can be confirmed.
 */
export async function requestBillingEmailChange(
  db: RootDb,
  actor: SelfServiceActor,
  input: { billingEmail: string },
  userLocale: Locale,
  ctx: RequestContext,
  now: Date,
): Promise<{ pendingBillingEmail: string; expiresAt: Date }> {
  if (actor.customerRole !== "OWNER") throw new DomainError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const company = await lockCompany(tx, actor.customerId);
    if (!company) throw new DomainError("NOT_FOUND", { entity: "customer" });
    if (company.billingEmail === input.billingEmail) throw new DomainError("BILLING_EMAIL_UNCHANGED", { field: "billingEmail" });
    const since = new Date(now.getTime() - 60 * 60 * 1000);
    if ((await countRecentBillingEmailLinks(tx, actor.customerId, since)) >= MAX_BILLING_EMAIL_LINKS_PER_HOUR) {
      throw new DomainError("BILLING_EMAIL_REQUESTS_EXCEEDED", { field: "billingEmail" });
    }
    await revokeBillingEmailLinks(tx, actor.customerId, now);

    const token = generateSecretToken();
    const expiresAt = tokenExpiry("BILLING_EMAIL_CHANGE", now);
    const row = await insertAuthToken(tx, { purpose: "BILLING_EMAIL_CHANGE", tokenHash: hashSecretToken(token), expiresAt, createdAt: now, userId: actor.id });
    await setPendingBillingEmail(tx, actor.customerId, input.billingEmail);

    const companyName = company.legalName;
    const link = `${appUrl()}/billing-email/confirm/${encodeURIComponent(token)}`;
    await enqueueEmail(tx, input.billingEmail, userLocale, { template: "billingEmailConfirm", params: { companyName, newAddress: input.billingEmail, link, expiresAt } }, `billing-email-link:${row.id}`, now);
    // The notice links to the portal's settings only (sign-in required): nothing in it can confirm or undo.
    const noticeLocale = isLocale(company.locale) ? company.locale : "en";
    await enqueueEmail(
      tx,
      company.billingEmail,
      noticeLocale,
      { template: "billingEmailChangeRequested", params: { companyName, newAddress: input.billingEmail, requester: actor.email, link: `${appUrl()}/portal/settings` } },
      `billing-email-notice:${row.id}`,
      now,
    );
    await recordAudit(tx, {
      action: "customer.billing_email_change_requested",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "customer",
      targetId: actor.customerId,
      customerId: actor.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { from: company.billingEmail, to: input.billingEmail },
      at: now,
    });
    return { pendingBillingEmail: input.billingEmail, expiresAt };
  });
}
