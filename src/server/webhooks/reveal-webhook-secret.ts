import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { readWebhookSecret } from "@/server/webhooks/webhook-repository";

/**
 * An endpoint's signing secret, for the admin who asks to see it (the receiver needs it to check
 * signatures). It is never part of a page until asked for, and each reveal is in the audit log.
 */
export async function revealWebhookSecret(
  db: RootDb,
  actor: StaffActor,
  endpointId: string,
  now: Date,
): Promise<{ secret: string }> {
  return db.$transaction(async (tx) => {
    const secret = await readWebhookSecret(tx, endpointId);
    if (!secret) throw new DomainError("NOT_FOUND", { entity: "webhook_endpoint" });
    await recordAudit(tx, {
      action: "webhook_endpoint.secret_revealed",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "webhook_endpoint",
      targetId: endpointId,
      at: now,
    });
    return { secret };
  });
}
