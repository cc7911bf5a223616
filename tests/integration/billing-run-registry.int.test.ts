import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { BILLING_RUN_LEASE_MS, beatHeart, finishRun, findRun, markRunning } from "@/server/billing-runs/billing-run-repository";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { createPrismaClient, getDb } from "@/server/db/client";

const db = getDb();
// A second pool, as a second app instance on the same database would have.
const other = createPrismaClient(process.env.DATABASE_URL ?? "", 5);
afterAll(() => other.$disconnect());

const today = "2026-03-10" as CalendarDate;
const now = new Date("2026-03-10T06:00:00Z");
const start = (client = db, asOf: CalendarDate = today, at = now) => startBillingRun(client, { asOf, dryRun: false, requestedBy: "test" }, today, at, false);

beforeEach(async () => {
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});

describe("the billing run registry", () => {
  it("lets one run start when two instances ask many times at once; the others get BILLING_RUN_IN_PROGRESS", async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => start(i % 2 ? other : db)));
    const started = attempts.filter((a) => a.status === "fulfilled");
    expect(started).toHaveLength(1);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(refused.map((a) => (a.reason as { code?: string }).code)).toEqual(Array(19).fill("BILLING_RUN_IN_PROGRESS"));
    const run = (started[0] as PromiseFulfilledResult<{ id: string }>).value;
    // Only one worker moves it to RUNNING.
    const claims = await Promise.all([markRunning(db, run.id, now), markRunning(other, run.id, now)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await finishRun(db, run.id, { status: "SUCCEEDED", counts: { invoicesCreated: 0 }, errors: [], now });
    expect((await start()).status).toBe("QUEUED");
  });

  it("fails a run whose process stopped beating its heart, and lets the next one start", async () => {
    const crashed = await start();
    await markRunning(db, crashed.id, now);
    const soon = new Date(now.getTime() + BILLING_RUN_LEASE_MS / 2);
    expect(await beatHeart(db, crashed.id, soon, { invoicesCreated: 3 }, 10)).toBe(true);
    await expect(start(db, today, new Date(soon.getTime() + 1000))).rejects.toMatchObject({ code: "BILLING_RUN_IN_PROGRESS" });
    const later = new Date(soon.getTime() + BILLING_RUN_LEASE_MS + 1000);
    const next = await start(db, today, later);
    expect(next.id).not.toBe(crashed.id);
    const old = await findRun(db, crashed.id);
    expect(old?.status).toBe("FAILED");
    expect(old?.errors).toEqual([{ customerId: null, code: "RUN_ABANDONED" }]);
    // The crashed process, if it wakes up, learns it must stop.
    expect(await beatHeart(db, crashed.id, later, {}, 10)).toBe(false);
  });

  it("refuses a date in the future unless the test clock is on", async () => {
    await expect(start(db, "2026-03-11" as CalendarDate)).rejects.toMatchObject({ code: "AS_OF_IN_FUTURE" });
    const withClock = await startBillingRun(db, { asOf: "2026-04-01" as CalendarDate, dryRun: true, requestedBy: "test" }, today, now, true);
    expect(withClock).toMatchObject({ status: "QUEUED", dryRun: true });
    expect(withClock.asOf.toISOString().slice(0, 10)).toBe("2026-04-01");
  });
});
