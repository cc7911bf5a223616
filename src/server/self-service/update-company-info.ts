import type { TUpdateCompanyInfoInput } from "@/contracts/self-service";
import { isLocale, type Locale } from "@/domain/i18n/locales";
import { portalMessage, readPortalMessages } from "@/domain/portal-rules/portal-messages";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { lockCompany, writeCompanyInfo } from "@/server/self-service/self-service-repository";
import type { SelfServiceActor } from "@/server/self-service/self-service-actor";

/**
 * The company's owner updates its address and phone (the legal name and tax ID stay with billing
 * staff: they are on every invoice). Answers with the fields that changed and the group's
 * "contactUpdated" message in the reader's language, when the group has one.
 */
export async function updateCompanyInfo(
  db: RootDb,
  actor: SelfServiceActor,
  input: TUpdateCompanyInfoInput,
  readerLocale: Locale,
  ctx: RequestContext,
  now: Date,
): Promise<{ changedFields: string[]; message: string | null }> {
  if (actor.customerRole !== "OWNER") throw new DomainError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const company = await lockCompany(tx, actor.customerId);
    if (!company) throw new DomainError("NOT_FOUND", { entity: "customer" });
    const changed = Object.fromEntries(Object.entries(input).filter(([field, value]) => company[field as keyof TUpdateCompanyInfoInput] !== value));
    const changedFields = Object.keys(changed);
    const messages = readPortalMessages(company.group?.portalMessages);
    const message = portalMessage(messages, "contactUpdated", isLocale(readerLocale) ? readerLocale : "en");
    if (changedFields.length === 0) return { changedFields, message };
    await writeCompanyInfo(tx, actor.customerId, changed);
    await recordAudit(tx, {
      action: "customer.company_info_updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "customer",
      targetId: actor.customerId,
      customerId: actor.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { fields: changedFields },
      at: now,
    });
    return { changedFields, message };
  });
}
