import { assertTokenUsable } from "@/domain/auth/single-use-token";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { Db, RootDb } from "@/server/db/types";
import { consumeToken } from "@/server/invitations/invitation-repository";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { applyBillingEmail, findBillingEmailLink, lockCompany } from "@/server/self-service/self-service-repository";

/**
 * The link's company and the address it confirms, or why it cannot be used. The address is the
 * company's pending one: a newer request revokes older links, so a usable link always matches it.
 */
async function usableLink(db: Db, token: string, now: Date) {
  const row = await findBillingEmailLink(db, hashSecretToken(token));
  assertTokenUsable(row, "BILLING_EMAIL_CHANGE", now, { sayRevoked: true });
  const customer = row?.user?.customer;
  if (!row?.user?.customerId || !customer?.pendingBillingEmail || row.user.disabledAt) throw new DomainError("TOKEN_INVALID");
  return { row, customerId: row.user.customerId, companyName: customer.legalName, newAddress: customer.pendingBillingEmail };
}

/** What the confirmation page shows before the button: which company, which address. */
export async function checkBillingEmailLink(db: RootDb, token: string, now: Date): Promise<{ companyName: string; newAddress: string }> {
  const { companyName, newAddress } = await usableLink(db, token, now);
  return { companyName, newAddress };
}

/**
 * Whoever holds the link (it reached the new mailbox) confirms it: the address takes effect, the
 * pending one clears, the link is spent, the previous address is told it no longer receives invoices.
 */
export async function confirmBillingEmailChange(db: RootDb, token: string, ctx: RequestContext, now: Date): Promise<{ companyName: string; billingEmail: string }> {
  return db.$transaction(async (tx) => {
    const link = await usableLink(tx, token, now);
    const company = await lockCompany(tx, link.customerId);
    // Staff may have cleared or replaced the pending address meanwhile: only the one linked counts.
    if (!company || company.pendingBillingEmail !== link.newAddress) throw new DomainError("TOKEN_INVALID");
    if (!(await consumeToken(tx, link.row.id, now))) throw new DomainError("TOKEN_USED");
    await applyBillingEmail(tx, link.customerId, link.newAddress);
    const locale = isLocale(company.locale) ? company.locale : "en";
    await enqueueEmail(
      tx,
      company.billingEmail,
      locale,
      { template: "billingEmailChanged", params: { companyName: company.legalName, newAddress: link.newAddress, link: `${appUrl()}/portal/settings` } },
      `billing-email-changed:${link.row.id}`,
      now,
    );
    await recordAudit(tx, {
      action: "customer.billing_email_changed",
      actorUserId: link.row.user?.id ?? null,
      actorEmail: link.newAddress,
      targetType: "customer",
      targetId: link.customerId,
      customerId: link.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { from: company.billingEmail, to: link.newAddress },
      at: now,
    });
    return { companyName: company.legalName, billingEmail: link.newAddress };
  });
}
