import type { TCreateWebhookEndpointInput } from "@/contracts/webhooks";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { insertWebhookEndpoint } from "@/server/webhooks/webhook-repository";
import { generateWebhookSecret } from "@/server/webhooks/webhook-signature";

/**
 * Adds an endpoint with a fresh signing secret. It receives the events recorded from now on (the
 * fan-out trigger reads the active endpoints at each event's insert); past events are not replayed.
 */
export async function createWebhookEndpoint(
  db: RootDb,
  actor: StaffActor,
  input: TCreateWebhookEndpointInput,
  now: Date,
): Promise<{ endpointId: string }> {
  return db.$transaction(async (tx) => {
    const eventTypes = [...new Set(input.eventTypes)];
    const { id } = await insertWebhookEndpoint(tx, {
      url: input.url,
      description: input.description,
      eventTypes,
      secret: generateWebhookSecret(),
      createdAt: now,
    });
    await recordAudit(tx, {
      action: "webhook_endpoint.created",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "webhook_endpoint",
      targetId: id,
      details: { url: input.url, eventTypes },
      at: now,
    });
    return { endpointId: id };
  });
}
