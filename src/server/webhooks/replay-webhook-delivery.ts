import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { attemptWebhookDelivery, type WebhookSendOptions } from "@/server/webhooks/deliver-webhook";
import { deliveryBelongsTo } from "@/server/webhooks/webhook-repository";

/**
 * Sends a delivery again now, at an admin's request, whatever its status (ADR 0016): one more
 * attempt on the same row (same event id, so a receiver that deduplicates on Comptoir-Event-Id
 * sees the same event), counted in `attempts` and `replays`. Success makes it SUCCEEDED; a failure
 * leaves a pending delivery on its retry schedule and makes a finished one FAILED (no new retries).
 */
export async function replayWebhookDelivery(
  db: RootDb,
  actor: StaffActor,
  endpointId: string,
  deliveryId: string,
  now: () => Date,
  options: WebhookSendOptions = {},
): Promise<{ outcome: "succeeded" | "failed"; statusCode: number | null }> {
  if (!(await deliveryBelongsTo(db, endpointId, deliveryId)))
    throw new DomainError("NOT_FOUND", { entity: "webhook_delivery" });
  const r = await attemptWebhookDelivery(db, deliveryId, { replay: true }, now, options);
  if (r.skipped === "endpoint-disabled") throw new DomainError("WEBHOOK_ENDPOINT_DISABLED");
  if (r.outcome === "skipped") throw new DomainError("WEBHOOK_DELIVERY_BUSY");
  const outcome = r.outcome === "succeeded" ? "succeeded" : "failed";
  await recordAudit(db, {
    action: "webhook_delivery.replayed",
    actorUserId: actor.id,
    actorEmail: actor.email,
    targetType: "webhook_delivery",
    targetId: deliveryId,
    details: { endpointId, outcome, statusCode: r.statusCode ?? null },
    at: now(),
  });
  return { outcome, statusCode: r.statusCode ?? null };
}
