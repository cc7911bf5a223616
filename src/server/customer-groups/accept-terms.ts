import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor } from "@/server/auth/actor";
import { insertUserAcceptance, portalAccessFacts } from "@/server/customer-groups/terms-repository";
import type { RootDb } from "@/server/db/types";

/**
 * A portal user accepts their group's current terms. The version they saw must still be the latest
 * (TERMS_OUTDATED otherwise: a newer one was published while they read, show it). Recorded once,
 * whatever the number of clicks: the (version, user) unique index and ON CONFLICT DO NOTHING.
 */
export async function acceptTerms(db: RootDb, actor: CustomerActor, termsVersionId: string, clientAddress: string | null, now: Date): Promise<{ recorded: boolean }> {
  return db.$transaction(async (tx) => {
    const facts = await portalAccessFacts(tx, actor.id, actor.customerId);
    if (!facts.portalEnabled) throw new DomainError("PORTAL_DISABLED");
    if (!facts.termsVersionId) throw new DomainError("NOT_FOUND", { entity: "terms_version" });
    if (facts.termsVersionId !== termsVersionId) throw new DomainError("TERMS_OUTDATED");
    const recorded = await insertUserAcceptance(tx, termsVersionId, actor.id, clientAddress, now);
    if (recorded) {
      await recordAudit(tx, { action: "portal_terms.accepted", actorUserId: actor.id, actorEmail: actor.email, customerId: actor.customerId, targetType: "terms_version", targetId: termsVersionId, ip: clientAddress, at: now });
    }
    return { recorded };
  });
}
