import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { makeCustomer, makeProducts, makeStaff } from "../support/factories";

/**
 * Seventy-five daily runs over customers in UTC+1, UTC-3 and UTC-5, under the default policy and under a
 * group that invoices on the renewal day, with payments landing on random days (a fixed seed, so a
 * failure replays). What must hold at the end is checked in SQL over everything that happened.
 */
const db = getDb();
const SEED = 20261202;
const FIRST_DAY = "2026-01-05" as CalendarDate;
const DAYS = 75;

/** mulberry32: a small seeded generator, so the payment days are the same on every run of the test. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function customerIn(timeZone: string, groupId: string | null) {
  const c = await makeCustomer();
  return db.customer.update({ where: { id: c.id }, data: { timeZone, groupId } });
}

async function subscription(customerId: string, productId: string, cycle: "MONTHLY" | "QUARTERLY", start: string, end: string) {
  return db.subscription.create({
    data: { customerId, productId, description: `${cycle} ${start}`, quantity: "1", unitAmountMinor: 4900n, currency: "EUR", taxRateBp: 2000, cycle, anchorDay: Number(start.slice(8, 10)),
      currentPeriodStart: new Date(`${start}T00:00:00Z`), currentPeriodEnd: new Date(`${end}T00:00:00Z`) },
  });
}

describe("seventy-five days of daily billing runs with payments on random days", () => {
  const neverPays = new Set<string>();
  /** This test's customers: other test files share the database, and the invariants are about these. */
  const mine: string[] = [];

  beforeAll(async () => {
    const { server } = await makeProducts();
    const onRenewalDay = await db.customerGroup.create({ data: { name: `lead-0-${SEED}`, renewalLeadDays: 0, reminderDaysBeforeDue: [] } });
    const paris = await customerIn("Europe/Paris", null);
    const saoPaulo = await customerIn("America/Sao_Paulo", null);
    const newYork = await customerIn("America/New_York", onRenewalDay.id);
    const debtor = await customerIn("Europe/Paris", null);
    neverPays.add(debtor.id);
    mine.push(paris.id, saoPaulo.id, newYork.id, debtor.id);
    await subscription(paris.id, server.id, "MONTHLY", "2026-01-01", "2026-02-01");
    await subscription(paris.id, server.id, "MONTHLY", "2026-01-01", "2026-02-01");
    await subscription(paris.id, server.id, "QUARTERLY", "2025-11-20", "2026-02-20");
    await subscription(saoPaulo.id, server.id, "MONTHLY", "2026-01-31", "2026-02-28");
    await subscription(newYork.id, server.id, "MONTHLY", "2026-01-15", "2026-02-15");
    await subscription(newYork.id, server.id, "QUARTERLY", "2025-12-10", "2026-03-10");
    await subscription(debtor.id, server.id, "MONTHLY", "2026-01-10", "2026-02-10");

    const staff = await makeStaff();
    const next = random(SEED);
    for (let i = 0; i < DAYS; i++) {
      const day = addDays(FIRST_DAY, i);
      // Before the day's run, some open invoices get paid in full.
      const open = await db.invoice.findMany({ where: { status: "OPEN", customerId: { in: mine } }, orderBy: { number: "asc" } });
      for (const invoice of open) {
        if (neverPays.has(invoice.customerId) || next() > 0.12) continue;
        const due = Number(invoice.grossMinor - invoice.paidMinor - invoice.creditedMinor);
        await recordPayment(db, staff, invoice.id, { amountMinor: due, method: "TRANSFER", reference: `PAY-${day}`, receivedOn: day }, new Date(`${day}T04:00:00Z`));
      }
      const run = await startBillingRun(db, { asOf: day, dryRun: false, requestedBy: "sequence" }, day, new Date(`${day}T05:00:00Z`), true);
      const result = await executeBillingRun(db, run.id, () => new Date(`${day}T05:00:00Z`));
      expect(result?.status).toBe("SUCCEEDED");
      expect(result?.errors).toEqual([]);
    }
  }, 240_000);

  it("invoices each subscription once per period, and renewals did happen", async () => {
    const twice = await db.$queryRaw<unknown[]>`
      SELECT l.subscription_id, l.period_start, count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
      WHERE l.subscription_id IS NOT NULL AND i.status <> 'VOID' AND i.customer_id = ANY(${mine}::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1`;
    expect(twice).toEqual([]);
    const issued = await db.billingEvent.count({ where: { kind: "ISSUED", customerId: { in: mine } } });
    expect(issued).toBeGreaterThanOrEqual(8);
  });

  it("never reminds about an invoice once it is paid", async () => {
    const late = await db.$queryRaw<unknown[]>`
      SELECT e.key FROM billing_events e JOIN payments p ON p.invoice_id = e.invoice_id
      WHERE e.kind = 'REMINDER_SENT' AND p.created_at <= e.at AND e.customer_id = ANY(${mine}::uuid[])`;
    expect(late).toEqual([]);
    expect(await db.billingEvent.count({ where: { kind: "REMINDER_SENT", customerId: { in: mine } } })).toBeGreaterThan(0);
  });

  it("lifts every suspension whose invoice was paid, and keeps the debtor's", async () => {
    const stillHeld = await db.$queryRaw<unknown[]>`
      SELECT h.subscription_id FROM subscription_holds h JOIN invoices i ON i.id = h.invoice_id
      WHERE i.status = 'PAID' AND h.released_at IS NULL AND i.customer_id = ANY(${mine}::uuid[])`;
    expect(stillHeld).toEqual([]);
    const suspendedWithoutCause = await db.$queryRaw<unknown[]>`
      SELECT s.id FROM subscriptions s WHERE s.status = 'SUSPENDED' AND s.customer_id = ANY(${mine}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM subscription_holds h WHERE h.subscription_id = s.id AND h.released_at IS NULL)`;
    expect(suspendedWithoutCause).toEqual([]);
    const debtorSubs = await db.subscription.findMany({ where: { customerId: { in: [...neverPays] } } });
    expect(debtorSubs.map((s) => s.status)).toEqual(["TERMINATED"]);
  });

  it("suspends exactly on D+2 and terminates exactly on D+25 of the unpaid invoice's due date", async () => {
    const steps = await db.$queryRaw<{ step: string; asOf: Date; due: Date }[]>`
      SELECT e.details->>'step' AS step, r.as_of AS "asOf", i.due_date AS due FROM billing_events e
      JOIN billing_runs r ON r.id = e.run_id JOIN invoices i ON i.id = e.invoice_id
      WHERE e.details->>'step' IN ('SUSPEND', 'TERMINATE') AND e.customer_id = ANY(${mine}::uuid[])`;
    expect(steps.some((s) => s.step === "TERMINATE")).toBe(true);
    for (const s of steps) {
      const offset = Math.round((s.asOf.getTime() - s.due.getTime()) / 86_400_000);
      expect([s.step, offset]).toEqual([s.step, s.step === "SUSPEND" ? 2 : 25]);
    }
  });

  it("records each effect once: one ISSUED per invoice, one event per key", async () => {
    const doubles = await db.$queryRaw<unknown[]>`
      SELECT invoice_id FROM billing_events WHERE kind = 'ISSUED' AND customer_id = ANY(${mine}::uuid[]) GROUP BY invoice_id HAVING count(*) > 1`;
    expect(doubles).toEqual([]);
    const runs = await db.billingRun.findMany({ where: { requestedBy: "sequence" } });
    expect(runs).toHaveLength(DAYS);
    expect(runs.every((r) => r.customersDone === r.customersTotal && (r.customersTotal ?? 0) >= 4)).toBe(true);
  });
});
