import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/contracts/webhooks";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";

/**
 * The channel on which the fan-out trigger announces new deliveries (at commit, once per
 * transaction: the payload is empty, the listener sweeps what is due).
 */
export const WEBHOOK_CHANNEL = "comptoir_webhooks";

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  active: true,
  createdAt: true,
  secretRotatedAt: true,
} as const;

export async function insertWebhookEndpoint(
  db: Db,
  data: { url: string; description: string; eventTypes: string[]; secret: string; createdAt: Date },
): Promise<{ id: string }> {
  return db.webhookEndpoint.create({ data, select: { id: true } });
}

export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpointDto[]> {
  // An admin configures a handful; newest first (webhook_endpoints_created_at_id_idx).
  return db.webhookEndpoint.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: endpointSelect,
  });
}

export async function findWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointDto | null> {
  return db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect });
}

export async function readWebhookSecret(db: Db, id: string): Promise<string | null> {
  return (await db.webhookEndpoint.findUnique({ where: { id }, select: { secret: true } }))?.secret ?? null;
}

export async function updateWebhookEndpoint(
  db: Db,
  id: string,
  data: { secret?: string; secretRotatedAt?: Date; active?: boolean },
): Promise<boolean> {
  return (await db.webhookEndpoint.updateMany({ where: { id }, data })).count === 1;
}

export async function deliveryBelongsTo(db: Db, endpointId: string, deliveryId: string): Promise<boolean> {
  return (await db.webhookDelivery.count({ where: { id: deliveryId, endpointId } })) === 1;
}

/** A delivery locked for one attempt, with what the attempt needs from its endpoint. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  status: WebhookDeliveryDto["status"];
  attempts: number;
  payload: unknown;
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Locks one delivery for the caller's transaction (SKIP LOCKED: a worker and a replay, or two
 * workers, never send it at the same time); null when another holds it or it does not exist.
 */
export async function claimWebhookDelivery(db: Db, id: string): Promise<ClaimedDelivery | null> {
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    SELECT d.id::text AS id, d.endpoint_id::text AS "endpointId", d.event_id::text AS "eventId", d.status::text AS status,
           d.attempts, d.payload, e.url, e.secret, e.active
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
    WHERE d.id = ${id}::uuid
    FOR UPDATE OF d SKIP LOCKED`;
  return rows[0] ?? null;
}

export interface AttemptRecord {
  at: Date;
  status: WebhookDeliveryDto["status"];
  nextAttemptAt: Date | null;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  replay: boolean;
}

export async function recordWebhookAttempt(db: Db, id: string, a: AttemptRecord): Promise<void> {
  await db.webhookDelivery.update({
    where: { id },
    data: {
      attempts: { increment: 1 },
      ...(a.replay ? { replays: { increment: 1 } } : {}),
      status: a.status,
      lastAttemptAt: a.at,
      nextAttemptAt: a.nextAttemptAt,
      lastStatusCode: a.statusCode,
      lastError: a.error?.slice(0, 1000) ?? null,
      responseExcerpt: a.responseExcerpt,
      ...(a.status === "SUCCEEDED" ? { succeededAt: a.at } : {}),
    },
  });
}

/**
 * Pending deliveries of active endpoints whose next attempt is due, oldest first (served by the
 * partial index webhook_deliveries_pending_idx), for the sweep: `attempts` names the job to queue.
 */
export async function listDueWebhookDeliveries(
  db: Db,
  now: Date,
  limit: number,
): Promise<{ id: string; attempts: number }[]> {
  return db.$queryRaw`
    SELECT d.id::text AS id, d.attempts FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.active
    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ${now}
    ORDER BY d.next_attempt_at LIMIT ${limit}`;
}

/** The delivery log of one endpoint, newest first: key (created_at, id) within the endpoint, served by webhook_deliveries_endpoint_id_created_at_id_idx. */
export function webhookDeliveryList(endpointId: string): KeysetList {
  return {
    table: "webhook_deliveries",
    idType: "uuid",
    key: ["t.created_at", "t.id"],
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.event_id::text AS "eventId", t.event_type AS "eventType", t.status::text AS status, t.attempts, t.replays,
      t.created_at AS "createdAt", t.last_attempt_at AS "lastAttemptAt", t.next_attempt_at AS "nextAttemptAt", t.last_status_code AS "lastStatusCode", t.last_error AS "lastError"`,
    scope: [Prisma.sql`t.endpoint_id = ${endpointId}::uuid`],
    filters: [],
  };
}

export async function listWebhookDeliveries(
  db: Db,
  endpointId: string,
  page: PageRequest,
): Promise<CursorPage<WebhookDeliveryDto>> {
  return readKeysetPage<WebhookDeliveryDto>(db, webhookDeliveryList(endpointId), page);
}
