import type { Db } from "@/server/db/types";

/**
 * The channel on which a new inbox row's id is announced. As for the outbox, NOTIFY in a transaction
 * is delivered only at commit: the worker hears of an event exactly when it can read it.
 */
export const PAYMENT_EVENTS_CHANNEL = "comptoir_payment_events";

export interface InboxRow {
  id: bigint;
  provider: string;
  event_id: string;
  type: string;
  payload: unknown;
  processed_at: Date | null;
  attempts: number;
}

/**
 * Writes an event to the inbox once per (provider, event id), however many times it is delivered, and
 * announces a new one. Returns the row id, or null when the event was already there.
 */
export async function insertInboxEvent(
  db: Db,
  e: { provider: string; eventId: string; type: string; payload: unknown; receivedAt: Date },
): Promise<bigint | null> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO payment_webhook_events (provider, event_id, type, payload, received_at)
    VALUES (${e.provider}, ${e.eventId}, ${e.type}, ${JSON.stringify(e.payload)}::jsonb, ${e.receivedAt})
    ON CONFLICT (provider, event_id) DO NOTHING
    RETURNING id`;
  const id = rows[0]?.id ?? null;
  if (id !== null) await db.$executeRaw`SELECT pg_notify(${PAYMENT_EVENTS_CHANNEL}, ${id.toString()})`;
  return id;
}

export async function findInboxEvent(db: Db, id: bigint): Promise<InboxRow | null> {
  const rows = await db.$queryRaw<InboxRow[]>`
    SELECT id, provider, event_id, type, payload, processed_at, attempts FROM payment_webhook_events WHERE id = ${id}`;
  return rows[0] ?? null;
}

/** Locks one event for the caller's transaction; a second worker on the same event waits, then sees it processed. */
export async function lockInboxEvent(db: Db, id: bigint): Promise<InboxRow | null> {
  const rows = await db.$queryRaw<InboxRow[]>`
    SELECT id, provider, event_id, type, payload, processed_at, attempts FROM payment_webhook_events WHERE id = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function markInboxProcessed(db: Db, id: bigint, at: Date): Promise<void> {
  await db.$executeRaw`UPDATE payment_webhook_events SET processed_at = ${at}, attempts = attempts + 1, last_error = NULL WHERE id = ${id}`;
}

/** Outside the failed transaction: the attempt and why, for staff and for the sweep's limit. */
export async function recordInboxFailure(db: Db, id: bigint, error: string): Promise<void> {
  await db.$executeRaw`UPDATE payment_webhook_events SET attempts = attempts + 1, last_error = ${error.slice(0, 1000)} WHERE id = ${id}`;
}

/** Unprocessed events that still have attempts left, oldest first (served by the (processed_at, received_at) index); of one provider when given. */
export async function listUnprocessedInboxIds(
  db: Db,
  maxAttempts: number,
  limit: number,
  provider?: string,
): Promise<bigint[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM payment_webhook_events
    WHERE processed_at IS NULL AND attempts < ${maxAttempts} AND (${provider ?? null}::text IS NULL OR provider = ${provider ?? null})
    ORDER BY received_at, id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
