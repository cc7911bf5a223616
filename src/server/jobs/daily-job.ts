import { createHash } from "node:crypto";
import { type CalendarDate, todayIn } from "@/domain/billing/calendar-date";
import { dailyCron, parseTimeOfDay } from "@/domain/shared/time-of-day";
import { ensureQueue, type JobQueue } from "@/server/jobs/job-queue";
import { tickQueueOf } from "@/server/jobs/job-names";

export interface DailyJobData {
  /** The local date (in the job's time zone) the run is for. */
  date: CalendarDate;
}

export interface DailyJob {
  /** The queue name, e.g. JOB.billingRun. */
  name: string;
  /** Local wall-clock time, "HH:MM" (BILLING_RUN_AT). */
  at: string;
  /** IANA time zone the time and the date are read in (BILLING_TIME_ZONE). */
  timeZone: string;
  /** The work for one date. It should be idempotent: a run that fails part-way is retried. */
  handler: (date: CalendarDate) => Promise<void>;
  /** Retries after a failure (default 2), the first after `retryDelaySeconds` (default 300), doubling. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A run still active after this long is presumed dead and retried (default 4 h; pg-boss allows < 24 h). */
  expireInSeconds?: number;
}

/**
 * The job id of `name` for `date`: the same for every caller, so the queue keeps one job per date
 * (pg-boss inserts with ON CONFLICT DO NOTHING on the id while the job exists: queued, running,
 * retrying, or completed for two days, see job-queue.ts).
 */
export function dailyJobId(name: string, date: CalendarDate): string {
  const h = createHash("sha256").update(`${name}:${date}`).digest("hex");
  const variant = (8 + (Number.parseInt(h.charAt(16), 16) % 4)).toString(16);
  // UUID layout: version 8 ("custom"), RFC 9562 variant.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Enqueues the daily job `name` for `date`; false when that date already has its job. This is what
 * the daily tick does, and what a catch-up for a missed date can call.
 */
export async function enqueueDailyJob(queue: JobQueue, name: string, date: CalendarDate): Promise<boolean> {
  return (
    (await queue.boss.send(name, { date } satisfies DailyJobData, { id: dailyJobId(name, date) })) !== null
  );
}

/**
 * Runs `job.handler` once a day at `job.at` in `job.timeZone`, on whichever app instance gets there
 * first. pg-boss's cron (evaluated in the time zone, DST included) fires a tick once per slot across
 * instances; the tick enqueues the job of the local date with that date's id, so even a second tick
 * for the same date (a restart with another time, a manual catch-up) cannot run it twice.
 */
export async function scheduleDailyJob(queue: JobQueue, job: DailyJob): Promise<void> {
  const { boss } = queue;
  const options = {
    retryLimit: job.retryLimit ?? 2,
    retryDelay: job.retryDelaySeconds ?? 300,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds ?? 4 * 3600,
  };
  await ensureQueue(boss, job.name, options);
  await boss.work<DailyJobData>(job.name, { batchSize: 1 }, async ([j]) => {
    if (j) await job.handler(j.data.date);
  });

  const tick = tickQueueOf(job.name);
  await ensureQueue(boss, tick, { retryLimit: 2, retryDelay: 10, expireInSeconds: 300 });
  await boss.work(tick, async () => {
    await enqueueDailyJob(queue, job.name, todayIn(job.timeZone, new Date()));
  });
  await boss.schedule(tick, dailyCron(parseTimeOfDay(job.at)), {}, { tz: job.timeZone });
}

/** Forgets the daily schedule of `name` (a worker started without its handler), if there was one. */
export async function unscheduleDailyJob(queue: JobQueue, name: string): Promise<void> {
  await queue.boss.unschedule(tickQueueOf(name));
}
