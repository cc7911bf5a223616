import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { updateWebhookEndpoint } from "@/server/webhooks/webhook-repository";
import { generateWebhookSecret } from "@/server/webhooks/webhook-signature";

/**
 * Replaces an endpoint's signing secret at once: every request from now on (retries of older events
 * included) is signed with the new one, so the receiver must be given it. Returns it to show once.
 */
export async function rotateWebhookSecret(
  db: RootDb,
  actor: StaffActor,
  endpointId: string,
  now: Date,
): Promise<{ secret: string }> {
  return db.$transaction(async (tx) => {
    const secret = generateWebhookSecret();
    if (!(await updateWebhookEndpoint(tx, endpointId, { secret, secretRotatedAt: now })))
      throw new DomainError("NOT_FOUND", { entity: "webhook_endpoint" });
    await recordAudit(tx, {
      action: "webhook_endpoint.secret_rotated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "webhook_endpoint",
      targetId: endpointId,
      at: now,
    });
    return { secret };
  });
}
