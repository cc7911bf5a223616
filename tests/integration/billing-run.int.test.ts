import { beforeEach, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { planSchedule } from "@/domain/billing/renewal-schedule";
import { DEFAULT_DUNNING_POLICY } from "@/domain/billing/dunning-policy";
import { noHolidays } from "@/domain/billing/business-days";
import { applyScheduledAction } from "@/server/billing-runs/apply-scheduled-action";
import { loadBillingState } from "@/server/billing-runs/billing-state-repository";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { makeCustomer, makeProducts, makeStaff } from "../support/factories";

const db = getDb();

async function subscription(customerId: string, productId: string, start: string, end: string) {
  return db.subscription.create({
    data: { customerId, productId, description: `Serveur ${start}`, quantity: "1", unitAmountMinor: 9900n, currency: "EUR", taxRateBp: 2000, cycle: "MONTHLY", anchorDay: Number(start.slice(8, 10)),
      currentPeriodStart: new Date(`${start}T00:00:00Z`), currentPeriodEnd: new Date(`${end}T00:00:00Z`) },
  });
}

/** One run dated `asOf` (the test clock lets it be any day), executed to the end. */
async function runOn(asOf: CalendarDate) {
  const run = await startBillingRun(db, { asOf, dryRun: false, requestedBy: "test" }, asOf, new Date(`${asOf}T05:00:00Z`), true);
  const result = await executeBillingRun(db, run.id, () => new Date(`${asOf}T05:00:00Z`));
  expect(result?.status).toBe("SUCCEEDED");
  return result;
}

const renewalInvoices = (customerId: string) =>
  db.invoice.findMany({ where: { customerId }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { issueDate: "asc" } });

beforeEach(async () => {
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});

describe("the billing run", () => {
  it("issues one renewal invoice per renewal day 15 days ahead, due on the day, e-mails it, and starts the period on the day; re-runs change nothing", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const a = await subscription(customer.id, server.id, "2026-03-01", "2026-04-01");
    const b = await subscription(customer.id, server.id, "2026-03-01", "2026-04-01");
    await runOn("2026-03-16" as CalendarDate);
    expect(await renewalInvoices(customer.id)).toHaveLength(0);
    const first = await runOn("2026-03-17" as CalendarDate);
    expect(first?.counts).toMatchObject({ invoicesCreated: 1, linesCreated: 2 });
    await runOn("2026-03-17" as CalendarDate);
    const [invoice, ...others] = await renewalInvoices(customer.id);
    expect(others).toHaveLength(0);
    expect(invoice).toMatchObject({ status: "OPEN", issueDate: new Date("2026-03-17T00:00:00Z"), dueDate: new Date("2026-04-01T00:00:00Z") });
    expect(invoice?.lines.map((l) => [l.subscriptionId, l.periodStart?.toISOString().slice(0, 10), l.periodEnd?.toISOString().slice(0, 10)]).sort()).toEqual(
      [[a.id, "2026-04-01", "2026-05-01"], [b.id, "2026-04-01", "2026-05-01"]].sort(),
    );
    const mails = await db.outboundEmail.findMany({ where: { toAddress: customer.billingEmail, template: "renewalInvoice" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(invoice?.number ?? "?");

    // Paid on time: no reminder; on April 1 the new period starts.
    await recordPayment(db, await makeStaff(), invoice?.id ?? "", { amountMinor: Number(invoice?.grossMinor), method: "TRANSFER", reference: "VIR", receivedOn: "2026-03-20" }, new Date("2026-03-20T10:00:00Z"));
    for (const day of ["2026-03-22", "2026-03-27", "2026-03-31", "2026-04-01"] as CalendarDate[]) await runOn(day);
    expect(await db.outboundEmail.count({ where: { toAddress: customer.billingEmail, template: "paymentReminder" } })).toBe(0);
    const moved = await db.subscription.findUniqueOrThrow({ where: { id: a.id } });
    expect(moved.currentPeriodStart.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(moved.status).toBe("ACTIVE");
  });

  it("reminds on D-10, D-5 and D-1 while unpaid, suspends on D+2 and terminates on D+25, each once over daily runs", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const sub = await subscription(customer.id, server.id, "2026-05-01", "2026-06-01");
    for (let day = "2026-05-15" as CalendarDate; day <= "2026-06-27"; day = addDays(day, 1)) await runOn(day);
    // The customer's timeline: what happened on which day (each run is dated 05:00 UTC of its day).
    const events = await db.billingEvent.findMany({ where: { customerId: customer.id }, orderBy: { id: "asc" } });
    const timeline = events.map((e) => `${e.at.toISOString().slice(0, 10)} ${e.kind}${e.kind === "REMINDER_SENT" ? ` D-${(e.details as { daysBeforeDue: number }).daysBeforeDue}` : ""}`);
    expect(timeline).toEqual([
      "2026-05-17 ISSUED",
      "2026-05-22 REMINDER_SENT D-10",
      "2026-05-27 REMINDER_SENT D-5",
      "2026-05-31 REMINDER_SENT D-1",
      "2026-06-01 PERIOD_STARTED", // the service goes on until the dunning says otherwise
      "2026-06-03 SUSPENDED", // D+2
      "2026-06-08 SUSPENDED", // 5 business days after Monday June 1: the customer in arrears
      "2026-06-26 TERMINATED", // D+25
    ]);
    expect(await db.outboundEmail.count({ where: { toAddress: customer.billingEmail, template: "paymentReminder" } })).toBe(3);
    const after = await db.subscription.findUniqueOrThrow({ where: { id: sub.id }, include: { history: { orderBy: { at: "asc" } } } });
    expect(after.status).toBe("TERMINATED");
    expect(after.history.map((h) => h.toStatus)).toEqual(["SUSPENDED", "TERMINATED"]);
  });

  it("a full payment reinstates the suspended service at once, in the payment's transaction, and its next renewal is quarterly", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const sub = await subscription(customer.id, server.id, "2026-08-01", "2026-09-01");
    for (let day = "2026-08-17" as CalendarDate; day <= "2026-09-03"; day = addDays(day, 1)) await runOn(day);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("SUSPENDED");
    const [invoice] = await renewalInvoices(customer.id);
    await recordPayment(db, await makeStaff(), invoice?.id ?? "", { amountMinor: Number(invoice?.grossMinor), method: "CARD", reference: "", receivedOn: "2026-09-04" }, new Date("2026-09-04T10:00:00Z"));
    // No run needed: the payment brought it back.
    const back = await db.subscription.findUniqueOrThrow({ where: { id: sub.id }, include: { history: { orderBy: { at: "asc" } } } });
    expect(back).toMatchObject({ status: "ACTIVE", cycle: "QUARTERLY", reinstatedOn: new Date("2026-09-04T00:00:00Z") });
    expect(back.history.map((h) => h.toStatus)).toEqual(["SUSPENDED", "ACTIVE"]);
    const kinds = (await db.billingEvent.findMany({ where: { subscriptionId: sub.id }, orderBy: { id: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["REINSTATED", "CYCLE_LENGTHENED"]));
    // Later runs do not suspend it again; its next renewal (October 1) is for three months.
    for (let day = "2026-09-05" as CalendarDate; day <= "2026-09-16"; day = addDays(day, 1)) await runOn(day);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("ACTIVE");
    const next = (await renewalInvoices(customer.id)).at(-1);
    expect(next?.lines.map((l) => [l.periodStart?.toISOString().slice(0, 10), l.periodEnd?.toISOString().slice(0, 10)])).toEqual([["2026-10-01", "2027-01-01"]]);
  });

  it("applying the same plan from two processes at once issues one invoice", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    await subscription(customer.id, server.id, "2026-07-01", "2026-08-01");
    const [state] = await loadBillingState(db, [customer.id]);
    const actions = planSchedule({ customerId: customer.id, asOf: "2026-07-17" as CalendarDate, policy: DEFAULT_DUNNING_POLICY, isHoliday: noHolidays, subscriptions: state?.subscriptions ?? [], invoices: state?.invoices ?? [] });
    const issue = actions.find((x) => x.kind === "ISSUE_RENEWAL");
    if (!issue) throw new Error("no renewal planned");
    const at = new Date("2026-07-17T05:00:00Z");
    const effects = await Promise.all(Array.from({ length: 6 }, () => applyScheduledAction(db, issue, customer.id, null, at)));
    expect(effects.filter((e) => e.invoicesCreated === 1)).toHaveLength(1);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(1);
  });
});

describe("the scheduled billing run", () => {
  it("bills its date; a second trigger while it runs stands aside instead of failing", async () => {
    const { runScheduledBilling } = await import("@/server/billing-runs/run-scheduled-billing");
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    await subscription(customer.id, server.id, "2026-10-01", "2026-11-01");
    const at = () => new Date("2026-10-17T04:00:00Z");
    const results = await Promise.all([runScheduledBilling(db, "2026-10-17" as CalendarDate, at), runScheduledBilling(db, "2026-10-17" as CalendarDate, at)]);
    expect(results.filter((r) => r?.status === "SUCCEEDED").length).toBeGreaterThanOrEqual(1);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(1);
  });
});
