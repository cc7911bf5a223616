import {
  DEFAULT_RETRY_BASE_MS,
  isSuccessStatus,
  MAX_WEBHOOK_ATTEMPTS,
  retryDelayMs,
} from "@/domain/webhooks/retry-schedule";
import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import {
  type ClaimedDelivery,
  claimWebhookDelivery,
  recordWebhookAttempt,
} from "@/server/webhooks/webhook-repository";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhookBody } from "@/server/webhooks/webhook-signature";

export interface WebhookSendOptions {
  /** How long a receiver has to answer (default 10 s). */
  timeoutMs?: number;
  /** Base of the retry schedule (default 30 s; tests use a few milliseconds). */
  retryBaseMs?: number;
  maxAttempts?: number;
  fetch?: typeof fetch;
}

/** What one attempt did; `skipped`: nothing to do (not pending any more, held by another worker, stale job, endpoint disabled). */
export type WebhookAttemptOutcome = "succeeded" | "retry" | "failed" | "skipped";

export interface WebhookAttemptResult {
  outcome: WebhookAttemptOutcome;
  statusCode?: number | null;
  /** For `retry`: when the next attempt is due (the job worker queues it for then). */
  nextAttemptAt?: Date | null;
  /** The attempt number made (1 = first). */
  attempt?: number;
  /** Why nothing was sent: the row is held by another attempt (or does not exist), the endpoint is disabled, or the job is stale. */
  skipped?: "busy-or-gone" | "endpoint-disabled" | "stale";
}

const EXCERPT_CHARS = 500;

/** The first characters of the answer, for the delivery log; never more than a few KB read. */
async function excerptOf(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < 4 * EXCERPT_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS);
}

function describeError(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError")
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message}: ${cause}` : String(err?.message ?? e);
}

/** POSTs the delivery's payload, signed, and says what came back. Redirects are not followed. */
async function post(
  row: ClaimedDelivery,
  at: Date,
  o: Required<Pick<WebhookSendOptions, "timeoutMs">> & { fetch: typeof fetch },
) {
  const body = JSON.stringify(row.payload);
  try {
    const res = await o.fetch(row.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(o.timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Comptoir-Webhooks/1",
        [SIGNATURE_HEADER]: signWebhookBody(row.secret, body, at),
        [EVENT_ID_HEADER]: `evt_${row.eventId}`,
      },
      body,
    });
    const excerpt = await excerptOf(res).catch(() => "");
    return {
      ok: isSuccessStatus(res.status),
      statusCode: res.status,
      error: isSuccessStatus(res.status) ? null : `HTTP ${res.status}`,
      excerpt,
    };
  } catch (e) {
    return { ok: false, statusCode: null, error: describeError(e, o.timeoutMs), excerpt: null };
  }
}

/**
 * One attempt at one delivery, in a transaction that holds its row (SKIP LOCKED), so the attempt is
 * recorded on the row whatever happens: status, attempts, last code, error, excerpt, next attempt.
 * `mode.attempt` (the job worker): only the attempt the job was queued for, on a pending delivery of
 * an active endpoint; a failure schedules the next attempt on the row, the last one makes it FAILED.
 * `mode.replay` (an admin): now, whatever its status; see replay-webhook-delivery.ts.
 */
export async function attemptWebhookDelivery(
  db: RootDb,
  deliveryId: string,
  mode: { attempt: number } | { replay: true },
  now: () => Date,
  options: WebhookSendOptions = {},
): Promise<WebhookAttemptResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = { timeoutMs, fetch: options.fetch ?? globalThis.fetch };
  return db.$transaction(
    async (tx) => {
      const row = await claimWebhookDelivery(tx, deliveryId);
      if (!row) return { outcome: "skipped", skipped: "busy-or-gone" };
      const replay = "replay" in mode;
      if (!row.active) return { outcome: "skipped", skipped: "endpoint-disabled" };
      if (!replay && (row.status !== "PENDING" || row.attempts !== mode.attempt - 1))
        return { outcome: "skipped", skipped: "stale" };
      const at = now();
      const r = await post(row, at, send);
      const attempt = row.attempts + 1;
      let status: ClaimedDelivery["status"];
      let nextAttemptAt: Date | null = null;
      if (r.ok) status = "SUCCEEDED";
      else if (replay && row.status !== "PENDING")
        status = "FAILED"; // an admin's one-off try: no new schedule
      else {
        const wait = retryDelayMs(
          attempt,
          options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
          options.maxAttempts ?? MAX_WEBHOOK_ATTEMPTS,
        );
        status = wait === null ? "FAILED" : "PENDING";
        nextAttemptAt = wait === null ? null : new Date(at.getTime() + wait);
      }
      await recordWebhookAttempt(tx, row.id, {
        at,
        status,
        nextAttemptAt,
        statusCode: r.statusCode,
        error: r.error,
        responseExcerpt: r.excerpt,
        replay,
      });
      if (!r.ok) logger.warn({ deliveryId, attempt, err: r.error }, "webhook delivery failed");
      const outcome: WebhookAttemptOutcome = r.ok ? "succeeded" : status === "FAILED" ? "failed" : "retry";
      return { outcome, statusCode: r.statusCode, nextAttemptAt, attempt };
    },
    // The receiver's time plus room for the two statements around it.
    { timeout: timeoutMs + 20_000, maxWait: 10_000 },
  );
}
