import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { updateWebhookEndpoint } from "@/server/webhooks/webhook-repository";

/**
 * Disables or enables an endpoint. A disabled endpoint gets no delivery for the events recorded
 * meanwhile (the fan-out skips it) and its pending deliveries wait; enabled again, those resume
 * (the sweep queues what is due), the events in between are not sent.
 */
export async function setWebhookEndpointActive(
  db: RootDb,
  actor: StaffActor,
  endpointId: string,
  active: boolean,
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await updateWebhookEndpoint(tx, endpointId, { active })))
      throw new DomainError("NOT_FOUND", { entity: "webhook_endpoint" });
    await recordAudit(tx, {
      action: active ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "webhook_endpoint",
      targetId: endpointId,
      at: now,
    });
  });
}
