import { afterEach, describe, expect, inject, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { enqueueDailyJob } from "@/server/jobs/daily-job";
import type { JobQueue } from "@/server/jobs/job-queue";
import { JOB, tickQueueOf } from "@/server/jobs/job-names";
import { startWorker } from "@/server/jobs/worker";

// The worker schedules autopay and reconciliation every day (ADR 0019), each once per local date.
const running: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((q) => q.stop()));
});

describe("the payment daily jobs", () => {
  it("schedules autopay at AUTOPAY_AT and reconciliation at RECONCILE_AT, runs each date once, and unschedules without handlers", async () => {
    const ran: string[] = [];
    const worker = await startWorker(inject("databaseUrl"), {
      pollingIntervalSeconds: 0.5,
      autopay: async (date) => void ran.push(`autopay ${date}`),
      reconcilePayments: async (date) => void ran.push(`reconcile ${date}`),
    });
    running.push(worker);
    const schedules = await worker.boss.getSchedules();
    expect(schedules.find((s) => s.name === tickQueueOf(JOB.autopay))).toMatchObject({
      cron: "0 7 * * *",
      timezone: "Europe/Paris",
    });
    expect(schedules.find((s) => s.name === tickQueueOf(JOB.reconcilePayments))).toMatchObject({
      cron: "30 5 * * *",
      timezone: "Europe/Paris",
    });

    const day = "2026-12-05" as CalendarDate;
    expect(await enqueueDailyJob(worker, JOB.autopay, day)).toBe(true);
    expect(await enqueueDailyJob(worker, JOB.autopay, day)).toBe(false);
    expect(await enqueueDailyJob(worker, JOB.reconcilePayments, day)).toBe(true);
    await expect
      .poll(() => [...ran].sort(), { timeout: 20_000 })
      .toEqual([`autopay ${day}`, `reconcile ${day}`]);
    await worker.stop();
    running.splice(0);

    const bare = await startWorker(inject("databaseUrl"), { pollingIntervalSeconds: 0.5 });
    running.push(bare);
    const names = (await bare.boss.getSchedules()).map((s) => s.name);
    expect(names).not.toContain(tickQueueOf(JOB.autopay));
    expect(names).not.toContain(tickQueueOf(JOB.reconcilePayments));
  });
});
