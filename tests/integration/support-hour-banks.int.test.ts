import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZBuyHourBankInput, ZLogTimeEntryInput } from "@/contracts/support-banks";
import { getDb } from "@/server/db/client";
import { billSupportTime } from "@/server/support/banks/bill-support-time";
import { getSupportOverview } from "@/server/support/banks/get-support-overview";
import { logTimeEntry } from "@/server/support/banks/log-time-entry";
import { purchaseHourBank } from "@/server/support/banks/purchase-hour-bank";
import { makeCustomer, makeCustomerUser, makeStaff } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const NOW = new Date("2026-03-02T10:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A bank product: 100.00/h from 1 h, 95.00 from 10 h, 90.00 from 20 h (EUR only), 120.00/h outside a bank. */
async function bankProduct() {
  return db.product.create({
    data: {
      code: `HOURS-${randomUUID().slice(0, 8)}`,
      kind: "SUPPORT_HOUR_BANK",
      name: "Support hours",
      taxRateBp: 2000,
      prices: { create: [{ cycle: null, currency: "EUR", unitAmountMinor: 12000n }] },
      hourBankTiers: { create: [{ currency: "EUR", fromHours: 1, rateMinor: 10000n }, { currency: "EUR", fromHours: 10, rateMinor: 9500n }, { currency: "EUR", fromHours: 20, rateMinor: 9000n }] },
    },
  });
}

/** A customer with an owner (its primary contact), an open regular ticket its member asked, billing and support staff. */
async function aCustomer() {
  const customer = await makeCustomer();
  const owner = await makeCustomerUser(customer.id, "OWNER");
  const member = await makeCustomerUser(customer.id);
  const ticket = await db.supportTicket.create({
    data: { customerId: customer.id, subject: "Printer offline", urgency: "REGULAR", source: "STAFF", requesterId: member.id, requesterEmail: member.email, receivedAt: NOW, responseDueAt: later(240) },
  });
  const product = await bankProduct();
  const billing = await makeStaff(["BILLING"]);
  const tech = await makeStaff(["SUPPORT"]);
  return { customer, owner, member, ticket, product, billing, tech };
}

type Ctx = Awaited<ReturnType<typeof aCustomer>>;
const buy = (c: Ctx, hours: number, at = NOW, key = randomUUID()) =>
  purchaseHourBank(db, c.billing, ZBuyHourBankInput.parse({ customerId: c.customer.id, productId: c.product.id, hours: String(hours), purchaseKey: key }), at);
const log = (c: Ctx, fields: Record<string, string>, at = later(60)) =>
  logTimeEntry(db, c.tech, ZLogTimeEntryInput.parse({ ticketId: c.ticket.id, workDate: "2026-03-02", channel: "PHONE", activity: "SUPPORT", ...fields }), at);

describe("support hour banks", () => {
  it("buying a bank issues its invoice at the tier's rate, due in 30 days, and a double submit buys once", async () => {
    const c = await aCustomer();
    const key = randomUUID();
    const bought = await buy(c, 10, NOW, key);
    expect(bought).toMatchObject({ hours: 10, totalMinor: 95_000, currency: "EUR", created: true });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: bought.invoiceId }, include: { lines: true } });
    expect(invoice).toMatchObject({ status: "OPEN", customerId: c.customer.id, netMinor: 95_000n, grossMinor: 114_000n });
    expect(invoice.number).toBe(bought.invoiceNumber);
    expect(invoice.issueDate?.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(invoice.dueDate?.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(invoice.lines).toEqual([expect.objectContaining({ description: "Banque d’heures de support : 10 h", unitAmountMinor: 9500n, taxRateBp: 2000, productId: c.product.id })]);
    const mail = await db.outboundEmail.findMany({ where: { toAddress: c.customer.billingEmail, template: "supportInvoice" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain(bought.invoiceNumber);

    const again = await buy(c, 10, later(1), key);
    expect(again).toMatchObject({ bankId: bought.bankId, invoiceId: bought.invoiceId, created: false });
    expect(await db.hourBank.count({ where: { customerId: c.customer.id } })).toBe(1);
    expect(await db.invoice.count({ where: { customerId: c.customer.id } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { action: "hour_bank.purchased", customerId: c.customer.id } });
    expect(audit).toHaveLength(1);

    // Twenty hours reach the next tier; a customer in a currency without tiers is told so.
    expect((await buy(c, 20)).totalMinor).toBe(180_000);
    const cad = await db.customer.create({ data: { legalName: "Érable inc.", billingEmail: `cad-${randomUUID().slice(0, 8)}@example.com`, currency: "CAD" } });
    expect(await codeOf(purchaseHourBank(db, c.billing, { customerId: cad.id, productId: c.product.id, hours: 5, purchaseKey: randomUUID() }, NOW))).toBe("HOUR_BANK_NO_TIERS");
  });

  it("time is charged by the rules and drawn from the oldest bank first, then the next", async () => {
    const c = await aCustomer();
    const first = await buy(c, 1, NOW);
    const second = await buy(c, 2, later(5));
    // Regular phone with a bank: rounded up to 15 min.
    const a = await log(c, { actualMinutes: "40" });
    expect(a).toMatchObject({ chargedMinutes: 45, bankMinutes: 45, billableMinutes: 0, remainingMinutes: 135 });
    // 30 min: 15 left in the first bank, 15 from the second.
    const b = await log(c, { actualMinutes: "30" });
    const draws = await db.hourBankDraw.findMany({ where: { timeEntryId: b.entryId } });
    expect(draws.map((d) => [d.bankId, d.minutes]).sort()).toEqual([[first.bankId, 15], [second.bankId, 15]].sort());
    // Urgent on site with a bank: 60 min increments, 2 h minimum.
    expect(await log(c, { actualMinutes: "20", urgency: "URGENT", channel: "ON_SITE" })).toMatchObject({ chargedMinutes: 120, bankMinutes: 105, billableMinutes: 15 });

    const overview = await getSupportOverview(db, c.customer.id);
    expect(overview?.balance).toEqual({ boughtMinutes: 180, usedMinutes: 180, remainingMinutes: 0 });
    expect(overview?.banks.map((b) => b.remainingMinutes)).toEqual([0, 0]);
    expect(overview?.entries[0]).toMatchObject({ ticketReference: `T-${c.ticket.number}`, technicianName: c.tech.name });
    expect(overview?.consumption).toEqual([{ on: "2026-03-02", usedHours: 3, boughtHours: 3 }]);

    // The requester heard of every intervention; the ticket counts as answered.
    expect(await db.outboundEmail.count({ where: { toAddress: c.member.email, template: "supportIntervention" } })).toBe(3);
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: c.ticket.id } })).firstResponseAt).toEqual(later(60));
  });

  it("alerts the primary contact once at 80 % and 95 %, splits the entry that empties the bank, then bills the rest once", async () => {
    const c = await aCustomer();
    await buy(c, 10);
    await log(c, { actualMinutes: "480" }); // exactly 80 % used
    await log(c, { actualMinutes: "60" }); // 90 %: no new threshold
    await log(c, { actualMinutes: "30" }); // 95 %
    const straddling = await log(c, { actualMinutes: "60", travelKm: "40", travelMinutes: "50" });
    expect(straddling).toMatchObject({ chargedMinutes: 60, bankMinutes: 30, billableMinutes: 30, remainingMinutes: 0 });
    // Without hours left, the rules without a bank apply: 30 min increments.
    expect(await log(c, { actualMinutes: "20" })).toMatchObject({ chargedMinutes: 30, bankMinutes: 0, billableMinutes: 30 });
    const alerts = await db.lowBalanceAlert.findMany({ where: { customerId: c.customer.id }, orderBy: { thresholdPct: "asc" } });
    expect(alerts.map((a) => [a.thresholdPct, a.totalMinutes])).toEqual([[80, 600], [95, 600]]);
    // In the owner's own language (their account's, English here; the company's is French).
    const alertMails = await db.outboundEmail.findMany({ where: { template: "supportLowBalance", toAddress: c.owner.email } });
    expect(alertMails.map((m) => m.subject).sort()).toEqual(["80 % of your support hours are used", "95 % of your support hours are used"]);

    // The daily job and the staff button at the same moment: one invoice, each entry on it once.
    const [x, y] = await Promise.all([billSupportTime(db, c.billing, later(120), c.customer.id), billSupportTime(db, null, later(120), c.customer.id)]);
    const invoiceIds = [...x.invoiceIds, ...y.invoiceIds];
    expect(invoiceIds).toHaveLength(1);
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceIds[0] }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(invoice.status).toBe("OPEN");
    expect(invoice.lines.map((l) => [l.description, l.quantity.toString(), Number(l.unitAmountMinor), Number(l.netMinor), l.periodStart?.toISOString().slice(0, 10), l.periodEnd?.toISOString().slice(0, 10)])).toEqual([
      [`Support, ticket T-${c.ticket.number}`, "0.5", 12000, 6000, "2026-03-02", "2026-03-03"],
      [`Temps de déplacement, ticket T-${c.ticket.number}`, "0.833", 12000, 9996, "2026-03-02", "2026-03-03"],
      [`Support, ticket T-${c.ticket.number}`, "0.5", 12000, 6000, "2026-03-02", "2026-03-03"],
    ]);
    const entries = await db.supportTimeEntry.findMany({ where: { customerId: c.customer.id } });
    expect(entries.filter((e) => e.billedInvoiceId === invoice.id)).toHaveLength(2);
    expect(entries.filter((e) => e.billedInvoiceId === null).every((e) => e.billableMinutes === 0 && e.travelChargedMinutes === 0)).toBe(true);
    // Nothing left: a third run issues nothing.
    expect((await billSupportTime(db, null, later(180), c.customer.id)).invoiceIds).toEqual([]);
    expect(await db.outboundEmail.count({ where: { template: "supportInvoice", toAddress: c.customer.billingEmail } })).toBe(2);
  });

  it("training and change requests are never drawn from a bank", async () => {
    const c = await aCustomer();
    await buy(c, 5);
    expect(await log(c, { actualMinutes: "50", activity: "TRAINING" })).toMatchObject({ chargedMinutes: 60, bankMinutes: 0, billableMinutes: 60, remainingMinutes: 300 });
    expect(await log(c, { actualMinutes: "10", activity: "CHANGE_REQUEST" })).toMatchObject({ bankMinutes: 0, billableMinutes: 30 });
    expect(await db.hourBankDraw.count({ where: { bank: { customerId: c.customer.id } } })).toBe(0);
  });

  it("two entries logged at once never overdraw the banks", async () => {
    const c = await aCustomer();
    await buy(c, 1);
    const results = await Promise.all([log(c, { actualMinutes: "45" }), log(c, { actualMinutes: "45" })]);
    expect(results.map((r) => r.bankMinutes).sort()).toEqual([15, 45]);
    const drawn = await db.hourBankDraw.aggregate({ where: { bank: { customerId: c.customer.id } }, _sum: { minutes: true } });
    expect(drawn._sum.minutes).toBe(60);
  });

  it("refuses another company's or an unknown ticket, a future work date, and NUL bytes", async () => {
    const c = await aCustomer();
    expect(await codeOf(log(c, { ticketId: randomUUID(), actualMinutes: "10" }))).toBe("NOT_FOUND");
    expect(await codeOf(log(c, { workDate: "2026-03-05", actualMinutes: "10" }))).toBe("VALIDATION_FAILED");
    expect(ZLogTimeEntryInput.safeParse({ ticketId: c.ticket.id, workDate: "2026-02-30", actualMinutes: "10", channel: "PHONE", activity: "SUPPORT" }).success).toBe(false);
    expect(ZLogTimeEntryInput.safeParse({ ticketId: c.ticket.id, workDate: "2026-03-02", actualMinutes: "10", channel: "PHONE", activity: "SUPPORT", note: "a\u0000b" }).success).toBe(false);
    expect(await db.supportTimeEntry.count({ where: { customerId: c.customer.id } })).toBe(0);
  });
});

describe("hour bank tiers in the catalogue", () => {
  it("saves a currency's tiers from the form, refuses a list that gets dearer or skips 1 h, and audits the change", async () => {
    const { ZHourBankTiersForm } = await import("@/contracts/support-banks");
    const { setHourBankTiers } = await import("@/server/support/banks/set-hour-bank-tiers");
    const product = await bankProduct();
    const staff = await makeStaff(["BILLING"]);
    const form = (rows: [string, string][]) => ZHourBankTiersForm.parse({ productId: product.id, currency: "CAD", tiers: JSON.stringify(rows.map(([fromHours, rate]) => ({ fromHours, rate }))) });
    expect(await codeOf(setHourBankTiers(db, staff, form([["1", "100"], ["10", "110"]]), NOW))).toBe("VALIDATION_FAILED");
    expect(await codeOf(setHourBankTiers(db, staff, form([["5", "100"]]), NOW))).toBe("VALIDATION_FAILED");
    expect(ZHourBankTiersForm.safeParse({ productId: product.id, currency: "CAD", tiers: JSON.stringify([{ fromHours: "x", rate: "1" }]) }).success).toBe(false);
    await setHourBankTiers(db, staff, form([["1", "130,00"], ["20", "115.50"]]), NOW);
    const tiers = await db.hourBankTier.findMany({ where: { productId: product.id, currency: "CAD" }, orderBy: { fromHours: "asc" } });
    expect(tiers.map((t) => [t.fromHours, Number(t.rateMinor)])).toEqual([[1, 13000], [20, 11550]]);
    expect(await db.hourBankTier.count({ where: { productId: product.id, currency: "EUR" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "hour_bank_tiers.updated", targetId: product.id } })).toBe(1);
  });
});
