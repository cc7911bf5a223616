import type { TUpdateProfileInput } from "@/contracts/self-service";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { findProfile, writeProfile } from "@/server/self-service/self-service-repository";
import type { SelfServiceActor } from "@/server/self-service/self-service-actor";

/** A customer user changes their own name and phone number; the audit names the fields that changed. */
export async function updateProfile(db: RootDb, actor: SelfServiceActor, input: TUpdateProfileInput, ctx: RequestContext, now: Date) {
  return db.$transaction(async (tx) => {
    const current = await findProfile(tx, actor.id);
    if (!current) throw new DomainError("NOT_FOUND", { entity: "user" });
    const fields = (["name", "phone"] as const).filter((f) => current[f] !== input[f]);
    if (fields.length === 0) return { changedFields: [] };
    await writeProfile(tx, actor.id, input);
    await recordAudit(tx, {
      action: "user.profile_updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "user",
      targetId: actor.id,
      customerId: actor.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { fields },
      at: now,
    });
    return { changedFields: fields };
  });
}
