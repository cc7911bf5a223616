import { ACCESS_REQUEST_RATE, accessRequestsThrottled } from "@/domain/access-requests/access-request-status";
import type { Locale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import type { RootDb } from "@/server/db/types";
import { countStartedFrom, findCurrentTerms, findGroupRulesBySlug, insertAccessRequest, recordTermsAcceptance } from "@/server/access-requests/access-request-repository";

export interface StartAccessRequestInput {
  slug: string;
  locale: Locale;
  acceptTerms: boolean;
  /** The hidden field: people leave it empty. */
  honeypot: string;
}

/**
 * A representative opens a group's public link and accepts its terms: a draft request starts, and
 * the secret of its resume link is returned (only its hash is stored). A filled honeypot returns
 * `discarded` and writes nothing, so the robot sees a success and learns nothing.
 */
export async function startAccessRequest(db: RootDb, input: StartAccessRequestInput, ctx: RequestContext, now: Date): Promise<{ token: string } | { discarded: true }> {
  const group = await findGroupRulesBySlug(db, input.slug);
  if (!group) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
  if (!group.portalEnabled) throw new DomainError("PORTAL_DISABLED");
  if (input.honeypot.trim() !== "") return { discarded: true };
  if (!input.acceptTerms) throw new DomainError("VALIDATION_FAILED", { fields: { acceptTerms: "TERMS_NOT_ACCEPTED" } });
  return db.$transaction(async (tx) => {
    if (ctx.ip && accessRequestsThrottled(await countStartedFrom(tx, ctx.ip, new Date(now.getTime() - ACCESS_REQUEST_RATE.windowMs)))) {
      throw new DomainError("ACCESS_REQUESTS_THROTTLED");
    }
    const token = generateSecretToken();
    const { id } = await insertAccessRequest(tx, { groupId: group.id, locale: input.locale, resumeTokenHash: hashSecretToken(token), clientAddress: ctx.ip, createdAt: now });
    const terms = await findCurrentTerms(tx, group.id);
    if (terms) await recordTermsAcceptance(tx, { termsVersionId: terms.id, accessRequestId: id, acceptedAt: now, clientAddress: ctx.ip });
    await recordAudit(tx, {
      action: "access_request.started",
      targetType: "access_request",
      targetId: id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { group: group.name, termsVersion: terms?.version ?? null },
      at: now,
    });
    return { token };
  });
}
