import PgBoss from "pg-boss";
import { createPrismaClient } from "@/server/db/client";
import type { RootDb } from "@/server/db/types";
import { type DeliverEmailData, deliverEmailHandler } from "@/server/jobs/handlers/outbox-deliver";
import { sweepOutboxHandler } from "@/server/jobs/handlers/outbox-sweep";
import {
  type ApplyPaymentEventData,
  applyPaymentEventHandler,
  MAX_PAYMENT_EVENT_ATTEMPTS,
  paymentEventJobId,
} from "@/server/jobs/handlers/payment-event-apply";
import { sweepPaymentEventsHandler } from "@/server/jobs/handlers/payment-event-sweep";
import { JOB } from "@/server/jobs/job-names";
import { listenForChannels } from "@/server/jobs/outbox-listener";
import { startWebhookJobs, type WebhookJobs } from "@/server/jobs/webhook-jobs";
import { logger } from "@/server/logger";
import { MAX_EMAIL_ATTEMPTS } from "@/server/mail/deliver-outbox";
import { OUTBOX_CHANNEL } from "@/server/mail/outbox-repository";
import { type MailTransport, smtpTransport } from "@/server/mail/transport";
import { PAYMENT_EVENTS_CHANNEL } from "@/server/payments/payment-event-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import type { WebhookSendOptions } from "@/server/webhooks/deliver-webhook";
import { WEBHOOK_CHANNEL } from "@/server/webhooks/webhook-repository";

/** pg-boss keeps its tables in this schema; the app's Prisma migrations never touch it (ADR 0015). */
export const JOB_SCHEMA = "pgboss";

export interface JobQueueOptions {
  /** The client the handlers use; default: one of their own, with 2 × `concurrency` + 2 connections (e-mail and webhook workers each hold one while they send). */
  db?: RootDb;
  /** Where e-mails go; default: SMTP_URL, read at each delivery. */
  transport?: () => MailTransport | null;
  /** Base of the backoff between delivery attempts (default 30 s: waits of about 30 s, 1, 2 and 4 min, with jitter). */
  retryDelaySeconds?: number;
  /** How often an idle worker looks for jobs that nobody announced (retries falling due); default 2 s. */
  pollingIntervalSeconds?: number;
  /** Connections of pg-boss's own pool; default 4. */
  poolSize?: number;
  /** E-mails sent at once by this instance, and webhooks as many; default 4. */
  concurrency?: number;
  /** How long stop() lets running jobs finish before failing them back to the queue; default 15 s. */
  stopTimeoutMs?: number;
  /** Outgoing webhooks: timeout, retry schedule, fetch (tests shorten the schedule). */
  webhooks?: WebhookSendOptions;
  /** The payment provider the inbox's events are applied with; default: the active one (payment-providers.ts). */
  paymentProvider?: () => PaymentProvider;
  /** Base of the backoff between attempts at a payment event (default 10 s: about 10 s, 20 s, 40 s... up to ~20 min). */
  paymentRetryDelaySeconds?: number;
}

export interface JobQueue {
  /** The pg-boss instance, for the scheduling helpers (daily-job.ts). */
  readonly boss: PgBoss;
  /**
   * Makes sure a pending e-mail has a delivery job: one is created (job id = e-mail id, so every
   * caller racing for the same e-mail gets the same single job), or one that already ended is
   * replaced; a job waiting for its retry is left alone, so its backoff holds.
   */
  ensureEmailDelivery(emailId: string): Promise<"queued" | "requeued" | "already-queued">;
  /** Makes sure an inbox event has its job (same dedupe as ensureEmailDelivery, job id derived from the row id). */
  ensurePaymentEventJob(inboxId: string): Promise<"queued" | "requeued" | "already-queued">;
  /** Runs the outbox sweep (and the payment inbox's) now (at start and after the listener reconnects). */
  sweepNow(): Promise<void>;
  /** The webhook delivery queues (ADR 0016). */
  readonly webhooks: WebhookJobs;
  /** Stops taking jobs, lets running ones finish (up to stopTimeoutMs), closes every connection. */
  stop(): Promise<void>;
}

const ENDED = new Set(["completed", "failed", "cancelled"]);

/**
 * Creates a queue, or brings an existing one to these options (createQueue alone keeps the options a
 * queue was first created with).
 */
export async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: Omit<PgBoss.Queue, "name"> = {},
): Promise<void> {
  await boss.createQueue(name, { name, ...options });
  await boss.updateQueue(name, { name, ...options });
}

/**
 * Starts the job queue on `databaseUrl`: installs or upgrades pg-boss's own schema (`pgboss`, offline:
 * its SQL ships in the package; several processes starting at once are serialised by pg-boss's
 * advisory lock), creates the queues, and starts their workers, the per-minute outbox sweep and the
 * listener that turns each committed e-mail into a delivery job. Several instances may run on one
 * database: jobs are fetched with SKIP LOCKED, and cron fires once per minute slot across them.
 */
export async function startJobQueue(databaseUrl: string, options: JobQueueOptions = {}): Promise<JobQueue> {
  const poolSize = options.poolSize ?? 4;
  const transport = options.transport ?? smtpTransport;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const concurrency = options.concurrency ?? 4;
  const ownDb = options.db ? null : createPrismaClient(databaseUrl, 2 * concurrency + 2);
  const db = options.db ?? (ownDb as RootDb);

  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    max: poolSize,
    application_name: "comptoir-jobs",
    // A completed job keeps its id (hence its dedupe) for two days before pg-boss archives it: a
    // daily job enqueued again for the same date is refused meanwhile (see daily-job.ts).
    archiveCompletedAfterSeconds: 2 * 24 * 3600,
  });
  boss.on("error", (e) => logger.error({ err: e.message }, "job queue error"));
  const setUp = async () => {
    await boss.start();

    await ensureQueue(boss, JOB.deliverEmail, {
      retryLimit: MAX_EMAIL_ATTEMPTS - 1,
      retryDelay: options.retryDelaySeconds ?? 30,
      retryBackoff: true,
      // Longer than a delivery's transaction (60 s): a job that outlives this is presumed dead and retried.
      expireInSeconds: 300,
    });
    await ensureQueue(boss, JOB.sweepOutbox, { retryLimit: 0, expireInSeconds: 300 });

    const sendDelivery = (emailId: string) => boss.send(JOB.deliverEmail, { emailId }, { id: emailId });

    // `concurrency` workers on the delivery queue, each sending one e-mail at a time (an SMTP
    // conversation takes ~150 ms, bench/results/outbox-delivery.json).
    const deliver = deliverEmailHandler({ db, transport });
    const deliverWorkers: string[] = [];
    for (let i = 0; i < concurrency; i++) {
      let self = "";
      self = await boss.work<DeliverEmailData>(
        JOB.deliverEmail,
        { pollingIntervalSeconds, batchSize: 1 },
        async (jobs) => {
          // pg-boss 10 sleeps out the polling interval after every fetch: a worker that found a job
          // asks for the next one at once, so a backlog drains at full speed.
          if (jobs.length > 0) boss.notifyWorker(self);
          return deliver(jobs);
        },
      );
      deliverWorkers.push(self);
    }
    const wakeDeliverWorkers = () => {
      for (const id of deliverWorkers) boss.notifyWorker(id);
    };

    const ensureEmailDelivery: JobQueue["ensureEmailDelivery"] = async (emailId) => {
      if (await sendDelivery(emailId)) {
        wakeDeliverWorkers();
        return "queued";
      }
      const job = await boss.getJobById(JOB.deliverEmail, emailId);
      if (!job || !ENDED.has(job.state)) return "already-queued";
      // Its job ended yet the e-mail is still pending (the job ran out of retries without an attempt
      // being recorded, e.g. while the database was unreachable): a fresh job, fresh retries.
      await boss.deleteJob(JOB.deliverEmail, emailId);
      if (!(await sendDelivery(emailId))) return "already-queued";
      wakeDeliverWorkers();
      return "requeued";
    };

    const sweepWorker = await boss.work(
      JOB.sweepOutbox,
      { pollingIntervalSeconds },
      sweepOutboxHandler({ db, transport, ensureDelivery: ensureEmailDelivery }),
    );
    await boss.schedule(JOB.sweepOutbox, "* * * * *");

    // Payment provider events (ADR 0019): one job per inbox row, retried with backoff while it
    // cannot apply yet (a refund before its payment's success).
    await ensureQueue(boss, JOB.applyPaymentEvent, {
      retryLimit: MAX_PAYMENT_EVENT_ATTEMPTS - 1,
      retryDelay: options.paymentRetryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: 300,
    });
    await ensureQueue(boss, JOB.sweepPaymentEvents, { retryLimit: 0, expireInSeconds: 300 });
    const provider = options.paymentProvider ?? (() => activePaymentProvider(db));
    let paymentWorker = "";
    paymentWorker = await boss.work<ApplyPaymentEventData>(
      JOB.applyPaymentEvent,
      { pollingIntervalSeconds, batchSize: 1 },
      async (jobs) => {
        if (jobs.length > 0) boss.notifyWorker(paymentWorker);
        return applyPaymentEventHandler({ db, provider })(jobs);
      },
    );
    const sendPaymentEvent = (inboxId: string) => boss.send(JOB.applyPaymentEvent, { inboxId }, { id: paymentEventJobId(inboxId) });
    const ensurePaymentEventJob: JobQueue["ensurePaymentEventJob"] = async (inboxId) => {
      const id = paymentEventJobId(inboxId);
      if (await sendPaymentEvent(inboxId)) {
        boss.notifyWorker(paymentWorker);
        return "queued";
      }
      const job = await boss.getJobById(JOB.applyPaymentEvent, id);
      if (!job || !ENDED.has(job.state)) return "already-queued";
      // Its job ended yet the event is unprocessed with attempts left (the sweep checked): fresh job.
      await boss.deleteJob(JOB.applyPaymentEvent, id);
      if (!(await sendPaymentEvent(inboxId))) return "already-queued";
      boss.notifyWorker(paymentWorker);
      return "requeued";
    };
    const paymentSweepWorker = await boss.work(JOB.sweepPaymentEvents, { pollingIntervalSeconds }, sweepPaymentEventsHandler({ db, ensureJob: ensurePaymentEventJob }));
    await boss.schedule(JOB.sweepPaymentEvents, "* * * * *");

    const sweepNow = async () => {
      await boss.send(JOB.sweepOutbox, {});
      boss.notifyWorker(sweepWorker);
      await boss.send(JOB.sweepPaymentEvents, {});
      boss.notifyWorker(paymentSweepWorker);
    };

    const webhooks = await startWebhookJobs(boss, { db, options: options.webhooks ?? {}, concurrency, pollingIntervalSeconds });
    return { ensureEmailDelivery, ensurePaymentEventJob, sweepNow, webhooks };
  };
  const { ensureEmailDelivery, ensurePaymentEventJob, sweepNow, webhooks } = await setUp().catch(async (e) => {
    // Stops what did start (pg-boss's workers and pool once it started, the handlers' client).
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await ownDb?.$disconnect();
    throw e;
  });

  const listener = listenForChannels(databaseUrl, {
    channels: {
      [OUTBOX_CHANNEL]: (emailId) => {
        if (!transport()) return;
        ensureEmailDelivery(emailId).catch((e) =>
          logger.error({ emailId, err: (e as Error).message }, "could not queue an e-mail"),
        );
      },
      [PAYMENT_EVENTS_CHANNEL]: (inboxId) => {
        ensurePaymentEventJob(inboxId).catch((e) =>
          logger.error({ inboxId, err: (e as Error).message }, "could not queue a payment event"),
        );
      },
      // New webhook deliveries committed (ADR 0016): the announcement carries no id, a sweep queues them.
      [WEBHOOK_CHANNEL]: () => webhooks.requestSweep(),
    },
    onConnected: () => {
      sweepNow().catch((e) =>
        logger.error({ err: (e as Error).message }, "could not queue the outbox sweep"),
      );
      webhooks.sweepNow().catch((e) => logger.error({ err: (e as Error).message }, "could not queue the webhook sweep"));
    },
  });

  let stopped: Promise<void> | null = null;
  return {
    boss,
    ensureEmailDelivery,
    ensurePaymentEventJob,
    sweepNow,
    webhooks,
    stop() {
      stopped ??= (async () => {
        await listener.close();
        await boss.stop({ graceful: true, timeout: options.stopTimeoutMs ?? 15_000, wait: true });
        await ownDb?.$disconnect();
      })();
      return stopped;
    },
  };
}
