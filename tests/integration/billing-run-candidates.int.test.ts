import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { chooseRunCandidates, runCandidatesAfter } from "@/server/billing-runs/billing-candidate-repository";
import { loadBillingState } from "@/server/billing-runs/billing-state-repository";
import { planCustomer } from "@/server/billing-runs/customer-plans";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { makeCustomer, makeProducts, makeStaff } from "../support/factories";

/**
 * The run's pre-filter (chooseRunCandidates) must never leave out a customer for whom planCustomer
 * finds something to do. Random customers (a fixed seed, so a failure replays) in time zones from
 * UTC-5 to UTC+14, under groups with other leads, reminders and dunning terms (SUSPEND_ALL after
 * TERMINATE, lead days longer than a month, so a renewal comes before the previous period starts, lead 0) or none, with subscriptions of every cycle, runs on
 * scattered days (so renewals, reminders and dunning steps fall due between them and are caught up),
 * and payments (full, which reinstate and hold back renewals, or partial) on random days. On each
 * checked day, and ten days after the last run, the customers with a non-empty plan are compared with
 * the candidates.
 */
const db = getDb();
const SEED = 15_2026;
const BASE = "2026-09-01" as CalendarDate;
const ZONES = [
  "America/New_York",
  "America/Bogota",
  "UTC",
  "Europe/Paris",
  "Asia/Tokyo",
  "Pacific/Kiritimati",
];
const CYCLES = [
  ["MONTHLY", 1],
  ["QUARTERLY", 3],
  ["ANNUAL", 12],
] as const;

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minusMonths = (d: CalendarDate, months: number) => {
  const date = new Date(`${d}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
};

describe("the billing run's pre-filter", () => {
  const next = random(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const mine: string[] = [];
  const checkRuns: string[] = [];
  /** The customers of the second test, stopped at the end too. */
  const others: string[] = [];

  async function runOn(day: CalendarDate) {
    const run = await startBillingRun(
      db,
      { asOf: day, dryRun: false, requestedBy: "candidates" },
      day,
      new Date(`${day}T05:00:00Z`),
      true,
    );
    const result = await executeBillingRun(db, run.id, () => new Date(`${day}T05:00:00Z`));
    expect(result?.status).toBe("SUCCEEDED");
  }

  async function payAtRandom(day: CalendarDate) {
    const staff = await makeStaff(["BILLING"]);
    const open = await db.invoice.findMany({ where: { customerId: { in: mine }, status: "OPEN" } });
    // In an order the seed decides (the customers' creation order, then the invoices' dates and
    // amounts), not by random ids: the same rolls meet the same invoices, so every run is the same.
    const rank = new Map(mine.map((id, i) => [id, i]));
    const key = (i: (typeof open)[number]) => [rank.get(i.customerId) ?? 0, i.dueDate?.getTime() ?? 0, i.issueDate?.getTime() ?? 0, Number(i.grossMinor)];
    open.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      const k = ka.findIndex((v, i) => v !== kb[i]);
      return k < 0 ? 0 : (ka[k] as number) - (kb[k] as number);
    });
    for (const invoice of open) {
      const roll = next();
      if (roll > 0.6) continue;
      const due = Number(invoice.grossMinor - invoice.paidMinor - invoice.creditedMinor);
      // Some pay only part: the invoice stays owed and dunning goes on.
      const amountMinor = roll < 0.08 ? Math.max(1, Math.floor(due / 2)) : due;
      await recordPayment(
        db,
        staff,
        invoice.id,
        { amountMinor, method: "TRANSFER", reference: `PF-${day}`, receivedOn: day },
        new Date(`${day}T04:00:00Z`),
      );
    }
  }

  /** The customers of this test for whom the schedule has something on `day`, and the pre-filter's. */
  async function compare(day: CalendarDate, customers: string[] = mine) {
    const run = await db.billingRun.create({
      data: {
        asOf: new Date(`${day}T00:00:00Z`),
        dryRun: true,
        status: "SUCCEEDED",
        requestedBy: "candidates-test",
      },
    });
    checkRuns.push(run.id);
    await chooseRunCandidates(db, run.id, day);
    const candidates = new Set<string>();
    for (let after: string | null = null; ; ) {
      const ids = await runCandidatesAfter(db, run.id, after, 500);
      for (const id of ids) candidates.add(id);
      if (ids.length < 500) break;
      after = ids.at(-1) ?? null;
    }
    const due = (await loadBillingState(db, customers))
      .filter((s) => planCustomer(s, day).length > 0)
      .map((s) => s.customerId);
    return { due, candidates: customers.filter((id) => candidates.has(id)) };
  }

  beforeAll(async () => {
    await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
    const { server } = await makeProducts();
    const groups = [
      null,
      (
        await db.customerGroup.create({
          data: {
            name: `pf-long-${SEED}`,
            renewalLeadDays: 30,
            reminderDaysBeforeDue: [20, 7],
            suspendAfterDays: 3,
            terminateAfterDays: 10,
            suspendAllAfterBusinessDays: 2,
            holidayCountry: null,
          },
        })
      ).id,
      (
        await db.customerGroup.create({
          data: {
            name: `pf-longer-than-a-month-${SEED}`,
            renewalLeadDays: 40,
            reminderDaysBeforeDue: [30, 10],
            holidayCountry: null,
          },
        })
      ).id,
      (
        await db.customerGroup.create({
          data: {
            name: `pf-on-the-day-${SEED}`,
            renewalLeadDays: 0,
            reminderDaysBeforeDue: [],
            holidayCountry: null,
          },
        })
      ).id,
      (
        await db.customerGroup.create({
          data: {
            name: `pf-late-${SEED}`,
            renewalLeadDays: 5,
            reminderDaysBeforeDue: [3, 1],
            suspendAfterDays: 0,
            terminateAfterDays: 12,
            suspendAllAfterBusinessDays: 20,
            holidayCountry: "FR",
          },
        })
      ).id,
    ];
    for (let c = 0; c < 60; c++) {
      const customer = await db.customer.update({
        where: { id: (await makeCustomer()).id },
        data: { timeZone: pick(ZONES), groupId: pick(groups) },
      });
      mine.push(customer.id);
      const count = 1 + Math.floor(next() * 3);
      for (let k = 0; k < count; k++) {
        const [cycle, months] = pick(CYCLES);
        const end = addDays(BASE, -45 + Math.floor(next() * 100));
        const day = Math.min(28, Number(end.slice(8, 10)));
        const periodEnd = `${end.slice(0, 8)}${String(day).padStart(2, "0")}` as CalendarDate;
        await db.subscription.create({
          data: {
            customerId: customer.id,
            productId: server.id,
            description: `${cycle} ${k}`,
            quantity: "1",
            unitAmountMinor: 2900n,
            currency: "EUR",
            taxRateBp: 2000,
            cycle,
            anchorDay: day,
            currentPeriodStart: new Date(`${minusMonths(periodEnd, months)}T00:00:00Z`),
            currentPeriodEnd: new Date(`${periodEnd}T00:00:00Z`),
          },
        });
      }
    }
  }, 120_000);

  afterAll(async () => {
    await db.billingRun.deleteMany({ where: { id: { in: checkRuns } } });
    // The database is shared with the next test files, whose runs bill every customer: ours stop here.
    await db.$executeRaw`UPDATE subscriptions SET status = 'TERMINATED' WHERE customer_id = ANY(${[...mine, ...others]}::uuid[])`;
  });

  it("includes every customer with something due, on run days, between them, and at a catch-up ten days later", async () => {
    let dueSeen = 0;
    let left = 0;
    // Runs on scattered days: what falls due between two of them is caught up by the next.
    for (const offset of [-60, -41, -30, -24, -17, -12, -9, -5, -3, -1, 0, 2, 7]) {
      const day = addDays(BASE, offset);
      await payAtRandom(day);
      for (const check of [day, addDays(day, 1)]) {
        const { due, candidates } = await compare(check);
        expect(
          due.filter((id) => !candidates.includes(id)),
          `missed on ${check}`,
        ).toEqual([]);
        dueSeen += due.length;
        left += mine.length - candidates.length;
      }
      await runOn(day);
    }
    const catchUp = addDays(BASE, 17);
    const { due, candidates } = await compare(catchUp);
    expect(
      due.filter((id) => !candidates.includes(id)),
      `missed on ${catchUp}`,
    ).toEqual([]);
    expect(due.length).toBeGreaterThan(0);
    // The property is about something: plans were found, and the filter did leave customers out.
    expect(dueSeen).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(0);
    // Every dunning stage was reached on the way (terminations and suspensions of everything too).
    const kinds = await db.$queryRaw<{ step: string }[]>`
      SELECT DISTINCT details->>'step' AS step FROM billing_events WHERE customer_id = ANY(${mine}::uuid[]) AND details ? 'step'`;
    expect(kinds.map((k) => k.step).sort()).toEqual(["SUSPEND", "SUSPEND_ALL", "TERMINATE"]);
    const heldBack = await db.subscription.count({
      where: { customerId: { in: mine }, reinstatedOn: { not: null } },
    });
    expect(heldBack).toBeGreaterThan(0);
  }, 300_000);

  it("finds a period that starts on the day although its invoice is paid, and leaves out a customer with nothing due", async () => {
    const { server } = await makeProducts();
    const customer = await db.customer.update({
      where: { id: (await makeCustomer()).id },
      data: { timeZone: "Pacific/Kiritimati" },
    });
    others.push(customer.id);
    await db.subscription.create({
      data: {
        customerId: customer.id,
        productId: server.id,
        description: "Paid ahead",
        quantity: "1",
        unitAmountMinor: 2900n,
        currency: "EUR",
        taxRateBp: 2000,
        cycle: "MONTHLY",
        anchorDay: 5,
        currentPeriodStart: new Date("2027-10-05T00:00:00Z"),
        currentPeriodEnd: new Date("2027-11-05T00:00:00Z"),
      },
    });
    await runOn("2027-10-21" as CalendarDate); // D-15: the renewal invoice
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id, status: "OPEN" } });
    const staff = await makeStaff(["BILLING"]);
    await recordPayment(
      db,
      staff,
      invoice.id,
      {
        amountMinor: Number(invoice.grossMinor),
        method: "TRANSFER",
        reference: "PF-AHEAD",
        receivedOn: "2027-10-22",
      },
      new Date("2027-10-22T04:00:00Z"),
    );
    // Paid, claimed, nothing to remind: nothing until the period starts.
    expect(await compare("2027-10-30" as CalendarDate, others)).toEqual({ due: [], candidates: [] });
    // The period starts on D: only the subscription's own period end can say so.
    expect(await compare("2027-11-05" as CalendarDate, others)).toEqual({
      due: [customer.id],
      candidates: [customer.id],
    });
  }, 120_000);
});
