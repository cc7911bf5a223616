import { describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { previewComingDays } from "@/server/billing-runs/billing-run-views";
import { previewBilling } from "@/server/billing-runs/preview-billing";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { getDb } from "@/server/db/client";
import { makeCustomer, makeProducts, makeStaff } from "../support/factories";

const db = getDb();

async function subscription(customerId: string, productId: string, start: string, end: string, cycle: "MONTHLY" | "ANNUAL" = "MONTHLY") {
  return db.subscription.create({
    data: {
      customerId,
      productId,
      description: `Server ${start}`,
      quantity: "1",
      unitAmountMinor: 9900n,
      currency: "EUR",
      taxRateBp: 2000,
      cycle,
      anchorDay: Number(start.slice(8, 10)),
      currentPeriodStart: new Date(`${start}T00:00:00Z`),
      currentPeriodEnd: new Date(`${end}T00:00:00Z`),
    },
  });
}

const counts = async () => {
  const [invoices, events, claims] = await Promise.all([db.invoice.count(), db.billingEvent.count(), db.renewalClaim.count()]);
  return { invoices, events, claims };
};

describe("the billing preview", () => {
  it("plans one renewal invoice per customer and renewal day, 15 days ahead and due on the day, changing nothing", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const a = await subscription(customer.id, server.id, "2026-03-01", "2026-04-01");
    const b = await subscription(customer.id, server.id, "2026-03-01", "2026-04-01");
    const c = await subscription(customer.id, server.id, "2026-03-10", "2026-04-10");
    const before = await counts();

    expect((await previewBilling(db, "2026-03-16" as CalendarDate, { customerIds: [customer.id] })).counts.ISSUE_RENEWAL).toBe(0);
    const preview = await previewBilling(db, "2026-03-17" as CalendarDate, { customerIds: [customer.id] });
    const renewals = preview.customers[0]?.actions.filter((x) => x.kind === "ISSUE_RENEWAL") ?? [];
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ renewalDate: "2026-04-01", issueDate: "2026-03-17", dueDate: "2026-04-01" });
    expect(renewals[0]?.kind === "ISSUE_RENEWAL" && renewals[0].lines.map((l) => l.subscriptionId).sort()).toEqual([a.id, b.id].sort());

    // Nine days later the subscription renewing on April 10 has its own invoice planned too.
    const later = await previewBilling(db, "2026-03-26" as CalendarDate, { customerIds: [customer.id] });
    const lines = later.customers[0]?.actions.flatMap((x) => (x.kind === "ISSUE_RENEWAL" ? [x.lines.map((l) => l.subscriptionId)] : []));
    expect(lines?.map((l) => l.length).sort()).toEqual([1, 2]);
    expect(lines?.flat()).toContain(c.id);
    expect(await counts()).toEqual(before);
  });

  it("previews the coming days one run per day: each reminder on its own day, then the dunning steps, changing nothing", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    await subscription(customer.id, server.id, "2026-05-01", "2026-06-01");
    const before = await counts();
    const preview = await previewBilling(db, "2026-06-30" as CalendarDate, { from: "2026-05-10" as CalendarDate, customerIds: [customer.id] });
    const days = preview.customers[0]?.actions.map((a) => `${a.on} ${a.kind}`);
    expect(days).toEqual([
      "2026-05-17 ISSUE_RENEWAL",
      "2026-05-22 SEND_REMINDER",
      "2026-05-27 SEND_REMINDER",
      "2026-05-31 SEND_REMINDER",
      "2026-06-01 START_PERIOD",
      "2026-06-03 SUSPEND",
      "2026-06-08 SUSPEND_ALL",
      "2026-06-26 TERMINATE",
    ]);
    // The back-office's view of the same days names what exists and leaves the invoice to come unnamed.
    const view = await previewComingDays(db, "2026-05-10" as CalendarDate, 51);
    const mine = view.customers.find((c) => c.customerId === customer.id);
    expect(mine?.actions.map((a) => [a.kind, a.invoiceId])).toContainEqual(["SEND_REMINDER", null]);
    expect(view.days).toHaveLength(52);
    // One catch-up run dated June 30 would send only the latest reminder: the simulation is what daily runs do.
    const catchUp = await previewBilling(db, "2026-06-30" as CalendarDate, { customerIds: [customer.id] });
    expect(catchUp.counts.SEND_REMINDER).toBeLessThan(3);
    expect(await counts()).toEqual(before);
  });

  it("plans the dunning of an unpaid subscription invoice from the database's state: suspension two days after it is due", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const sub = await subscription(customer.id, server.id, "2026-01-01", "2027-01-01", "ANNUAL");
    const staff = await makeStaff(["BILLING"]);
    const { invoiceId } = await createDraftInvoice(
      db,
      staff,
      { customerId: customer.id, notes: "", lines: [{ description: "Server 2026", quantity: "1", unitAmountMinor: 99000, taxRateBp: 2000, periodStart: "2026-01-01", periodEnd: "2027-01-01" }] },
      new Date("2026-01-01T09:00:00Z"),
    );
    // The line bills the subscription (as an accepted order's first invoice does).
    await db.invoiceLine.updateMany({ where: { invoiceId }, data: { subscriptionId: sub.id } });
    await issueInvoice(db, staff, invoiceId, new Date("2026-01-01T09:00:00Z"));
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const due = invoice.dueDate?.toISOString().slice(0, 10) as CalendarDate;
    const dayAfter = (d: CalendarDate, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
    const kinds = async (asOf: CalendarDate) => (await previewBilling(db, asOf, { customerIds: [customer.id] })).customers[0]?.actions.map((x) => x.kind) ?? [];
    expect(await kinds(dayAfter(due, 1))).not.toContain("SUSPEND");
    expect(await kinds(dayAfter(due, 2))).toContain("SUSPEND");
    expect(await kinds(dayAfter(due, 25))).toEqual(expect.arrayContaining(["SUSPEND", "SUSPEND_ALL", "TERMINATE"]));
  });

  it("reads every customer in batches and reports each one's failure without stopping the others", async () => {
    const { server } = await makeProducts();
    const broken = await makeCustomer();
    await subscription(broken.id, server.id, "2026-03-01", "2026-04-01");
    // A group whose holiday calendar the library does not know: that customer's plan fails.
    const group = await db.customerGroup.create({ data: { name: `Nowhere ${Date.now()}`, holidayCountry: "ZZ" } });
    await db.customer.update({ where: { id: broken.id }, data: { groupId: group.id } });
    const fine = await makeCustomer();
    await subscription(fine.id, server.id, "2026-03-01", "2026-04-01");
    const seen: number[] = [];
    const preview = await previewBilling(db, "2026-03-17" as CalendarDate, { batchSize: 2, detailLimit: 10_000, onBatch: (n) => seen.push(n) });
    expect(seen.length).toBeGreaterThan(1);
    expect(preview.customersRead).toBe(await db.customer.count());
    expect(preview.errors).toContainEqual({ customerId: broken.id, code: "VALIDATION_FAILED" });
    expect(preview.customers.some((x) => x.customerId === fine.id)).toBe(true);
    // Leave no broken customer behind for the runs of other test files.
    await db.customer.update({ where: { id: broken.id }, data: { groupId: null } });
  });
});
