import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { getDb } from "@/server/db/client";
import { makeProducts } from "../support/factories";

// The batch path of the billing run (apply-plans-in-batch.ts): many customers' actions in one
// set-based transaction, and the fall-back to one action at a time when that transaction fails.
// Each test bills a year of its own, so its invoice numbers are a sequence of their own.

const db = getDb();

/** `count` customers (tagged) whose monthly subscriptions renew on `renewal`, in one statement; `unit` per customer index. */
async function renewingCustomers(
  tag: string,
  count: number,
  renewal: string,
  unit: (i: number) => number = () => 9900,
) {
  const { server } = await makeProducts();
  const units = Array.from({ length: count }, (_, i) => unit(i));
  await db.$executeRaw`
    WITH c AS (
      INSERT INTO customers (id, legal_name, billing_email, updated_at)
      SELECT gen_random_uuid(), ${tag} || ' ' || g, lower(${tag}) || g || '@example.com', now() FROM generate_series(1, ${count}::int) g
      RETURNING id, split_part(legal_name, ' ', 2)::int AS g)
    INSERT INTO subscriptions (id, customer_id, product_id, description, quantity, unit_amount_minor, currency, tax_rate_bp, cycle, anchor_day, current_period_start, current_period_end)
    SELECT gen_random_uuid(), c.id, ${server.id}::uuid, 'Serveur ' || k, 1, (${units}::int[])[c.g], 'EUR', CASE WHEN k = 1 THEN 2000 ELSE 550 END, 'MONTHLY', 1,
           ${renewal}::date - interval '1 month', ${renewal}::date
    FROM c CROSS JOIN generate_series(1, 2) k`;
}

async function runOn(asOf: CalendarDate) {
  const at = new Date(`${asOf}T05:00:00Z`);
  const run = await startBillingRun(db, { asOf, dryRun: false, requestedBy: "test" }, asOf, at, true);
  const result = await executeBillingRun(db, run.id, () => at);
  expect(result?.status).toBe("SUCCEEDED");
  return result;
}

const invoicesOf = (tag: string) =>
  db.invoice.findMany({
    where: { customer: { legalName: { startsWith: `${tag} ` } } },
    include: { lines: true, taxLines: true },
    orderBy: { number: "asc" },
  });
/** Every invoice number of the year, all customers: 1…n without a gap. */
async function expectGapless(year: number) {
  const rows = await db.invoice.findMany({
    where: { number: { startsWith: `F${year}-` } },
    select: { number: true },
  });
  expect(sequencesOf(rows.map((r) => r.number))).toEqual(
    Array.from({ length: rows.length }, (_, i) => i + 1),
  );
}
const sequencesOf = (numbers: (string | null)[]) =>
  numbers.map((n) => Number(n?.split("-").at(-1))).sort((a, b) => a - b);
const countWhere = async (sql: Promise<{ n: number }[]>) => (await sql)[0]?.n;

beforeEach(async () => {
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});
// A run bills every customer of the database (other files' too): assertions look at this test's
// customers only, and they leave the stage after it, so a later run does not catch up their years.
const tags: string[] = [];
afterEach(async () => {
  await db.$executeRaw`
    UPDATE subscriptions s SET status = 'CANCELLED' FROM customers c
    WHERE c.id = s.customer_id AND split_part(c.legal_name, ' ', 1) = ANY(${tags}::text[]) AND s.status IN ('ACTIVE', 'SUSPENDED')`;
});
/** A tag for this test's customers, and their ids once made. */
function newTag(name: string) {
  const tag = `${name}${Date.now()}`;
  tags.push(tag);
  return tag;
}
const customerIdsOf = async (tag: string) =>
  new Set(
    (
      await db.customer.findMany({ where: { legalName: { startsWith: `${tag} ` } }, select: { id: true } })
    ).map((c) => c.id),
  );
const errorsOf = async (tag: string, result: Awaited<ReturnType<typeof runOn>>) => {
  const ids = await customerIdsOf(tag);
  return result?.errors.filter((e) => e.customerId !== null && ids.has(e.customerId)) ?? [];
};

describe("the billing run's batch path", () => {
  it("issues 250 customers' invoices over several batches: gapless numbers, totals per rate, one claim, event, audit entry and e-mail each; a re-run adds nothing", async () => {
    const tag = newTag("Batch");
    await renewingCustomers(tag, 250, "2031-02-01");
    const first = await runOn("2031-01-17" as CalendarDate);
    expect(first?.counts.invoicesCreated).toBeGreaterThanOrEqual(250);
    expect(await errorsOf(tag, first)).toEqual([]);
    const invoices = await invoicesOf(tag);
    expect(invoices).toHaveLength(250);
    await expectGapless(2031);
    for (const i of invoices) {
      expect(i).toMatchObject({
        status: "OPEN",
        issueDate: new Date("2031-01-17T00:00:00Z"),
        dueDate: new Date("2031-02-01T00:00:00Z"),
        netMinor: 19800n,
        taxMinor: 1980n + 545n,
        grossMinor: 22325n,
      });
      expect(i.taxLines.map((t) => [t.taxRateBp, t.taxMinor]).sort()).toEqual(
        [
          [2000, 1980n],
          [550, 545n],
        ].sort(),
      );
      expect(i.lines.map((l) => l.periodStart?.toISOString().slice(0, 10))).toEqual([
        "2031-02-01",
        "2031-02-01",
      ]);
      expect(i.seller).not.toBeNull();
    }
    const ids = invoices.map((i) => i.id);
    expect(
      await countWhere(
        db.$queryRaw`SELECT count(*)::int AS n FROM renewal_claims WHERE invoice_id = ANY(${ids}::uuid[])`,
      ),
    ).toBe(500);
    expect(
      await countWhere(
        db.$queryRaw`SELECT count(*)::int AS n FROM billing_events WHERE kind = 'ISSUED' AND invoice_id = ANY(${ids}::uuid[])`,
      ),
    ).toBe(250);
    expect(
      await countWhere(
        db.$queryRaw`SELECT count(*)::int AS n FROM audit_events WHERE action = 'invoice.issued' AND target_id = ANY(${ids}::text[])`,
      ),
    ).toBe(250);
    const mails = await db.outboundEmail.findMany({
      where: { toAddress: { startsWith: tag.toLowerCase() }, template: "renewalInvoice" },
    });
    expect(mails).toHaveLength(250);
    expect(new Set(mails.map((m) => m.subject.match(/F2031-\d+/)?.[0])).size).toBe(250);

    const again = await runOn("2031-01-17" as CalendarDate);
    expect(again?.counts).toMatchObject({ invoicesCreated: 0, linesCreated: 0, remindersSent: 0 });
    expect(await invoicesOf(tag)).toHaveLength(250);
    expect(await db.outboundEmail.count({ where: { toAddress: { startsWith: tag.toLowerCase() } } })).toBe(
      250,
    );
    // Reminders from the batch too, once each: D-10 and D-5 over daily runs.
    for (const day of ["2031-01-22", "2031-01-22", "2031-01-27"] as CalendarDate[]) await runOn(day);
    expect(
      await db.outboundEmail.count({
        where: { toAddress: { startsWith: tag.toLowerCase() }, template: "paymentReminder" },
      }),
    ).toBe(500);
  });

  it("one customer's failure rolls its batch back and the others are applied one by one: they are invoiced, numbered without gaps, the failure is reported for that customer and retried by the next run", async () => {
    const tag = newTag("Broken");
    // Customer 3's subscriptions have a negative price: an invoice with a negative total, which the ledger refuses.
    await renewingCustomers(tag, 6, "2032-02-01", (i) => (i === 2 ? -9900 : 9900));
    const result = await runOn("2032-01-17" as CalendarDate);
    const [broken] = await db.customer.findMany({ where: { legalName: `${tag} 3` } });
    expect(await errorsOf(tag, result)).toEqual([{ customerId: broken?.id, code: "UNEXPECTED" }]);
    const invoices = await invoicesOf(tag);
    expect(invoices).toHaveLength(5);
    expect(invoices.map((i) => i.customerId)).not.toContain(broken?.id);
    await expectGapless(2032);
    // Corrected, it is invoiced by the next run, with the next number.
    await db.subscription.updateMany({ where: { customerId: broken?.id }, data: { unitAmountMinor: 9900n } });
    expect(await errorsOf(tag, await runOn("2032-01-18" as CalendarDate))).toEqual([]);
    expect(await invoicesOf(tag)).toHaveLength(6);
    await expectGapless(2032);
  });

  it("a renewal period already claimed under another key sends the batch to the single path, which skips that renewal only", async () => {
    const tag = newTag("Claimed");
    await renewingCustomers(tag, 4, "2033-02-01");
    const [sub] = await db.subscription.findMany({ where: { customer: { legalName: `${tag} 1` } }, take: 1 });
    await db.$executeRaw`INSERT INTO renewal_claims (subscription_id, period_start, invoice_id) VALUES (${sub?.id}::uuid, DATE '2033-02-01', gen_random_uuid())`;
    const result = await runOn("2033-01-17" as CalendarDate);
    expect(await errorsOf(tag, result)).toEqual([]);
    const invoices = await invoicesOf(tag);
    expect(invoices).toHaveLength(3);
    expect(invoices.map((i) => i.customerId)).not.toContain(sub?.customerId);
    await expectGapless(2033);
  });
});
