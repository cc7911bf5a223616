import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import type { RootDb } from "@/server/db/types";
import { type DeliverWebhookData, deliverWebhookHandler } from "@/server/jobs/handlers/webhook-deliver";
import { sweepWebhooksHandler } from "@/server/jobs/handlers/webhook-sweep";
import { ensureQueue } from "@/server/jobs/job-queue";
import { JOB } from "@/server/jobs/job-names";
import { logger } from "@/server/logger";
import type { WebhookSendOptions } from "@/server/webhooks/deliver-webhook";

const ENDED = new Set(["completed", "failed", "cancelled"]);

/** The job id of attempt `attempt` of a delivery: the same for every caller, so each attempt is queued once. */
export function webhookAttemptJobId(deliveryId: string, attempt: number): string {
  const h = createHash("sha256").update(`${JOB.deliverWebhook}:${deliveryId}:${attempt}`).digest("hex");
  const variant = (8 + (Number.parseInt(h.charAt(16), 16) % 4)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface WebhookJobs {
  /** Queues attempt `attempt` of a delivery (at `startAfter`), once; a job of that attempt that ended without it being made is replaced. */
  queueAttempt(
    deliveryId: string,
    attempt: number,
    startAfter?: Date,
  ): Promise<"queued" | "requeued" | "already-queued">;
  /** Runs the webhook sweep now (at start, after the listener reconnects). */
  sweepNow(): Promise<void>;
  /** A sweep in this process now; announcements arriving meanwhile share the next one (a billing run commits many). */
  requestSweep(): void;
}

/**
 * The webhook queues of one worker (ADR 0016): `concurrency` delivery workers, each POSTing one
 * delivery at a time, and the sweep, every minute and on demand.
 */
export async function startWebhookJobs(
  boss: PgBoss,
  deps: { db: RootDb; options: WebhookSendOptions; concurrency: number; pollingIntervalSeconds: number },
): Promise<WebhookJobs> {
  // Retries here are for errors before an attempt was recorded (the schedule of real attempts is the row's).
  await ensureQueue(boss, JOB.deliverWebhook, {
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await ensureQueue(boss, JOB.sweepWebhooks, { retryLimit: 0, expireInSeconds: 300 });

  const workers: string[] = [];
  const wake = () => {
    for (const id of workers) boss.notifyWorker(id);
  };
  const send = (deliveryId: string, attempt: number, startAfter?: Date) =>
    boss.send(JOB.deliverWebhook, { deliveryId, attempt } satisfies DeliverWebhookData, {
      id: webhookAttemptJobId(deliveryId, attempt),
      ...(startAfter ? { startAfter } : {}),
    });

  const queueAttempt: WebhookJobs["queueAttempt"] = async (deliveryId, attempt, startAfter) => {
    const id = webhookAttemptJobId(deliveryId, attempt);
    if (await send(deliveryId, attempt, startAfter)) {
      if (!startAfter) wake();
      return "queued";
    }
    const job = await boss.getJobById(JOB.deliverWebhook, id);
    if (!job || !ENDED.has(job.state)) return "already-queued";
    // It ran and did nothing (the endpoint was disabled then) or gave up: the row says this attempt is due.
    await boss.deleteJob(JOB.deliverWebhook, id);
    if (!(await send(deliveryId, attempt, startAfter))) return "already-queued";
    if (!startAfter) wake();
    return "requeued";
  };

  const deliver = deliverWebhookHandler({ db: deps.db, options: deps.options, queueAttempt });
  for (let i = 0; i < deps.concurrency; i++) {
    let self = "";
    self = await boss.work<DeliverWebhookData>(
      JOB.deliverWebhook,
      { pollingIntervalSeconds: deps.pollingIntervalSeconds, batchSize: 1 },
      async (jobs) => {
        if (jobs.length > 0) boss.notifyWorker(self); // drain a backlog without sleeping between jobs
        return deliver(jobs);
      },
    );
    workers.push(self);
  }

  const sweepWorker = await boss.work(
    JOB.sweepWebhooks,
    { pollingIntervalSeconds: deps.pollingIntervalSeconds },
    sweepWebhooksHandler({ db: deps.db, queueAttempt }),
  );
  await boss.schedule(JOB.sweepWebhooks, "* * * * *");
  const sweepNow = async () => {
    await boss.send(JOB.sweepWebhooks, {});
    boss.notifyWorker(sweepWorker);
  };
  // An announcement sweeps here, in this process (no job round trip: a delivery starts within a few
  // milliseconds of its commit); announcements that arrive while it runs share one more sweep after it.
  const sweep = sweepWebhooksHandler({ db: deps.db, queueAttempt });
  let sweeping: Promise<void> | null = null;
  let again = false;
  const requestSweep = () => {
    if (sweeping) {
      again = true;
      return;
    }
    sweeping = (async () => {
      do {
        again = false;
        await sweep().catch((e) => logger.error({ err: (e as Error).message }, "webhook sweep failed"));
      } while (again);
      sweeping = null;
    })();
  };
  return { queueAttempt, sweepNow, requestSweep };
}
