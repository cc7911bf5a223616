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
}

/** The job worker of one app process (`tools/worker.ts`, started by `npm start`): the queue and its schedules. */
export async function startWorker(databaseUrl: string, options: WorkerOptions = {}): Promise<JobQueue> {
  const { billingRun, ...queueOptions } = options;
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
  } catch (e) {
    await queue.stop();
    throw e;
  }
  return queue;
}
