import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { lockGroup } from "@/server/customer-groups/customer-group-repository";
import { insertTermsVersion, nextTermsVersion } from "@/server/customer-groups/terms-repository";
import type { RootDb } from "@/server/db/types";

/**
 * Publishes a new version of a group's terms (English required; French and Spanish fall back to it
 * when empty). Every user of the group is asked to accept it at their next page view. The group's
 * row lock numbers versions one after the other; the (group, version) unique index backs it.
 */
export async function publishTermsVersion(db: RootDb, actor: StaffActor, groupId: string, body: { en: string; fr: string; es: string }, now: Date): Promise<{ termsVersionId: string; version: number }> {
  return db.$transaction(async (tx) => {
    if (!(await lockGroup(tx, groupId))) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    const version = await nextTermsVersion(tx, groupId);
    const kept = Object.fromEntries(Object.entries(body).filter(([, v]) => v.trim() !== ""));
    const termsVersionId = await insertTermsVersion(tx, { groupId, version, body: kept, publishedById: actor.id, publishedAt: now });
    await recordAudit(tx, {
      action: "customer_group.terms_published",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "customer_group",
      targetId: groupId,
      details: { version, languages: Object.keys(kept) },
      at: now,
    });
    return { termsVersionId, version };
  });
}
