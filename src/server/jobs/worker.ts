import type { CalendarDate } from "@/domain/billing/calendar-date";
import { env } from "@/server/config";
import { scheduleDailyJob, unscheduleDailyJob } from "@/server/jobs/daily-job";
import { type JobQueue, type JobQueueOptions, startJobQueue } from "@/server/jobs/job-queue";
import { JOB } from "@/server/jobs/job-names";

export interface WorkerOptions extends JobQueueOptions {
  /**
   * The daily billing run for one local date. Scheduled at BILLING_RUN_AT in BILLING_TIME_ZONE only
   * when given; without it, a schedule left by an earlier start is removed.
   */
  billingRun?: (date: CalendarDate) => Promise<void>;
  /** The daily autopay charges, at AUTOPAY_AT in BILLING_TIME_ZONE; unscheduled without it. */
  autopay?: (date: CalendarDate) => Promise<void>;
  /** The daily reconciliation with the payment provider, at RECONCILE_AT; unscheduled without it. */
  reconcilePayments?: (date: CalendarDate) => Promise<void>;
}

/** The job worker of one app process (`tools/worker.ts`, started by `npm start`): the queue and its schedules. */
export async function startWorker(databaseUrl: string, options: WorkerOptions = {}): Promise<JobQueue> {
  const { billingRun, autopay, reconcilePayments, ...queueOptions } = options;
  const queue = await startJobQueue(databaseUrl, queueOptions);
  try {
    if (billingRun) {
      const { BILLING_RUN_AT, BILLING_TIME_ZONE } = env();
      await scheduleDailyJob(queue, {
        name: JOB.billingRun,
        at: BILLING_RUN_AT,
        timeZone: BILLING_TIME_ZONE,
        handler: billingRun,
      });
    } else {
      await unscheduleDailyJob(queue, JOB.billingRun);
    }
    const { AUTOPAY_AT, RECONCILE_AT, BILLING_TIME_ZONE } = env();
    const daily: [string, string, ((date: CalendarDate) => Promise<void>) | undefined][] = [
      [JOB.autopay, AUTOPAY_AT, autopay],
      [JOB.reconcilePayments, RECONCILE_AT, reconcilePayments],
    ];
    for (const [name, at, handler] of daily) {
      if (handler) await scheduleDailyJob(queue, { name, at, timeZone: BILLING_TIME_ZONE, handler });
      else await unscheduleDailyJob(queue, name);
    }
  } catch (e) {
    await queue.stop();
    throw e;
  }
  return queue;
}
