import { describe, expect, it } from "vitest";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { recordPayment } from "@/server/billing/record-payment";
import { voidInvoice } from "@/server/billing/void-invoice";
import { getDb } from "@/server/db/client";
import { makeCustomer, makeDraftInvoice } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const jan15 = new Date("2026-01-15T09:00:00Z");

describe("issuing an invoice", () => {
  it("numbers it, computes tax per rate, freezes the buyer and dates in the customer's time zone", async () => {
    const customer = await makeCustomer({ legalName: "Ñandú & Crème SARL" });
    await db.customer.update({ where: { id: customer.id }, data: { timeZone: "Pacific/Kiritimati" } });
    const { invoiceId, staff } = await makeDraftInvoice({ customerId: customer.id });
    // 2026-01-15T11:00Z is already the 16th in Kiritimati (UTC+14).
    const { number } = await issueInvoice(db, staff, invoiceId, new Date("2026-01-15T11:00:00Z"));
    expect(number).toMatch(/^F2026-\d{6}$/);
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { taxLines: { orderBy: { taxRateBp: "asc" } } } });
    expect(inv.status).toBe("OPEN");
    expect(inv.issueDate?.toISOString().slice(0, 10)).toBe("2026-01-16");
    expect(inv.dueDate?.toISOString().slice(0, 10)).toBe("2026-02-15");
    // 100.00 at 20 % + 2.5 x 20.00 = 50.00 at 5.5 %
    expect(inv.taxLines.map((t) => [t.taxRateBp, Number(t.netMinor), Number(t.taxMinor)])).toEqual([
      [550, 5000, 275],
      [2000, 10000, 2000],
    ]);
    expect([Number(inv.netMinor), Number(inv.taxMinor), Number(inv.grossMinor)]).toEqual([15000, 2275, 17275]);
    expect(inv.buyer).toMatchObject({ name: "Ñandú & Crème SARL" });
    expect(await codeOf(issueInvoice(db, staff, invoiceId, jan15))).toBe("INVOICE_ALREADY_ISSUED");
  });

  it("gives 50 concurrent issues 50 consecutive numbers, none repeated, none skipped", async () => {
    const customer = await makeCustomer();
    const drafts = [];
    for (let i = 0; i < 50; i++) drafts.push(await makeDraftInvoice({ customerId: customer.id }));
    const staff = drafts[0]?.staff;
    if (!staff) throw new Error("no staff");
    const numbers = await Promise.all(drafts.map((d) => issueInvoice(db, staff, d.invoiceId, jan15).then((r) => r.number)));
    const sequences = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(50);
    expect((sequences.at(-1) ?? 0) - (sequences[0] ?? 0)).toBe(49);
  });

  it("gives the number back when the issuing transaction fails, so the sequence has no gap", async () => {
    const { invoiceId, staff } = await makeDraftInvoice();
    const empty = await db.invoice.create({ data: { customerId: (await makeCustomer()).id, currency: "EUR" } });
    expect(await codeOf(issueInvoice(db, staff, empty.id, jan15))).toBe("EMPTY_INVOICE");
    const before = await db.documentSequence.findUniqueOrThrow({ where: { kind_year: { kind: "INVOICE", year: 2026 } } });
    const { number } = await issueInvoice(db, staff, invoiceId, jan15);
    expect(Number(number.slice(-6))).toBe(before.nextValue);
  });
});

describe("an issued invoice is immutable", () => {
  it("refuses, in the database itself, any change to its lines, amounts or number", async () => {
    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, jan15);
    await expect(db.invoice.update({ where: { id: invoiceId }, data: { grossMinor: 1n } })).rejects.toThrow(/immutable/);
    await expect(db.invoice.update({ where: { id: invoiceId }, data: { number: "F-HACK" } })).rejects.toThrow(/immutable/);
    await expect(db.invoiceLine.updateMany({ where: { invoiceId }, data: { description: "changed" } })).rejects.toThrow(/cannot change/);
    await expect(db.invoiceLine.create({ data: { invoiceId, position: 9, description: "x", quantity: "1", unitAmountMinor: 1n, netMinor: 1n, taxRateBp: 0 } })).rejects.toThrow(/cannot change/);
    await expect(db.invoice.delete({ where: { id: invoiceId } })).rejects.toThrow(/cannot be deleted/);
  });

  it("checks a whole statement's lines: one under an issued invoice refuses them all, and a line cannot leave one either", async () => {
    const issued = await makeDraftInvoice();
    await issueInvoice(db, issued.staff, issued.invoiceId, jan15);
    const draft = await makeDraftInvoice();
    const line = (invoiceId: string, position: number) => ({ invoiceId, position, description: "x", quantity: "1", unitAmountMinor: 1n, netMinor: 1n, taxRateBp: 0 });
    const before = await db.invoiceLine.count({ where: { invoiceId: draft.invoiceId } });
    await expect(db.invoiceLine.createMany({ data: [line(draft.invoiceId, 7), line(issued.invoiceId, 8), line(draft.invoiceId, 9)] })).rejects.toThrow(/cannot change/);
    expect(await db.invoiceLine.count({ where: { invoiceId: draft.invoiceId } })).toBe(before);
    // Moving an issued invoice's line onto a draft would empty the issued one: refused too.
    await expect(db.invoiceLine.updateMany({ where: { invoiceId: issued.invoiceId }, data: { invoiceId: draft.invoiceId } })).rejects.toThrow(/cannot change/);
    await expect(db.invoiceTaxLine.deleteMany({ where: { invoiceId: issued.invoiceId } })).rejects.toThrow(/cannot change/);
    // A draft's lines still change freely.
    await db.invoiceLine.createMany({ data: [line(draft.invoiceId, 7), line(draft.invoiceId, 8)] });
    expect(await db.invoiceLine.count({ where: { invoiceId: draft.invoiceId } })).toBe(before + 2);
  });
});

describe("settling an invoice", () => {
  it("takes partial payments, then a payment of the rest marks it paid; overpaying is refused", async () => {
    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, jan15);
    await recordPayment(db, staff, invoiceId, { amountMinor: 7275, method: "TRANSFER", reference: "VIR 123", receivedOn: "2026-01-20" }, jan15);
    expect(await codeOf(recordPayment(db, staff, invoiceId, { amountMinor: 10001, method: "CHEQUE", reference: "", receivedOn: "2026-01-21" }, jan15))).toBe("PAYMENT_EXCEEDS_BALANCE");
    const done = await recordPayment(db, staff, invoiceId, { amountMinor: 10000, method: "CHEQUE", reference: "CHQ 9", receivedOn: "2026-01-21" }, jan15);
    expect(done.invoiceStatus).toBe("PAID");
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "PAID", paidMinor: 17275n });
    await expect(db.payment.deleteMany({ where: { invoiceId } })).rejects.toThrow(/append-only/);
  });

  it("credits by line and by amount, never beyond the balance, and a fully credited invoice is settled", async () => {
    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, jan15);
    const lines = await db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    const server = lines[0];
    if (!server) throw new Error("no line");
    const first = await createCreditNote(db, staff, invoiceId, { mode: "lines", reason: "Panne de 3 jours", lines: [{ invoiceLineId: server.id, netMinor: 1000 }] }, jan15);
    expect(first.number).toMatch(/^AV2026-\d{6}$/);
    const note = await db.creditNote.findUniqueOrThrow({ where: { id: first.creditNoteId }, include: { lines: true } });
    expect([Number(note.netMinor), Number(note.taxMinor), Number(note.grossMinor)]).toEqual([1000, 200, 1200]);
    expect(note.lines[0]?.periodStart?.toISOString().slice(0, 10)).toBe("2026-01-01");

    expect(await codeOf(createCreditNote(db, staff, invoiceId, { mode: "amount", reason: "Too much", grossMinor: 16076 }, jan15))).toBe("CREDIT_EXCEEDS_BALANCE");
    await createCreditNote(db, staff, invoiceId, { mode: "full", reason: "Cancelled" }, jan15);
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(inv).toMatchObject({ status: "PAID", creditedMinor: 17275n });
    expect(await codeOf(createCreditNote(db, staff, invoiceId, { mode: "amount", reason: "More", grossMinor: 1 }, jan15))).toBe("CREDIT_EXCEEDS_BALANCE");
  });

  it("voids only an unpaid, uncredited invoice and keeps its number", async () => {
    const a = await makeDraftInvoice();
    const { number } = await issueInvoice(db, a.staff, a.invoiceId, jan15);
    await voidInvoice(db, a.staff, a.invoiceId, "Issued by mistake", jan15);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: a.invoiceId } })).toMatchObject({ status: "VOID", number });

    const b = await makeDraftInvoice();
    await issueInvoice(db, b.staff, b.invoiceId, jan15);
    await recordPayment(db, b.staff, b.invoiceId, { amountMinor: 100, method: "CASH", reference: "", receivedOn: "2026-01-15" }, jan15);
    expect(await codeOf(voidInvoice(db, b.staff, b.invoiceId, "x", jan15))).toBe("INVOICE_HAS_PAYMENTS");
    const actions = (await db.auditEvent.findMany({ where: { targetId: b.invoiceId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["invoice.created", "invoice.issued", "payment.recorded"]);
  });
});
