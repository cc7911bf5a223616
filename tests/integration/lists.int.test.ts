import { describe, expect, it } from "vitest";
import { ZAuditListQuery, ZCreditNoteListQuery, ZOrderListQuery, ZPaymentListQuery } from "@/contracts/staff-lists";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { isPastDue } from "@/domain/billing/invoice-state";
import { listAuditEvents, recordAudit } from "@/server/audit/audit-repository";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { exportInvoicesCsv } from "@/server/billing/export-invoices-csv";
import { listInvoices } from "@/server/billing/invoice-queries";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { recordPayment } from "@/server/billing/record-payment";
import { listCreditNotesForStaff, listPaymentsForStaff } from "@/server/billing/staff-ledger-lists";
import { voidInvoice } from "@/server/billing/void-invoice";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { listPurchaseOrdersForStaff } from "@/server/orders/order-list-queries";
import { sendPurchaseOrder } from "@/server/orders/send-purchase-order";
import { makeCustomer, makeDraftInvoice, makeProducts, makeStaff } from "../support/factories";

const db = getDb();
const jan15 = new Date("2026-01-15T09:00:00Z");
const june1 = new Date("2026-06-01T10:00:00Z");
const today = "2026-06-01" as CalendarDate;
const unique = () => Math.random().toString(36).slice(2, 10);

/** Walks every page of a keyset list (page size 2), as the Next links do. */
async function walk<T extends { id: string }>(page: (after: string | undefined) => Promise<{ items: T[]; next: string | null }>) {
  const seen: T[] = [];
  let after: string | undefined;
  for (let i = 0; i < 50; i++) {
    const p = await page(after);
    seen.push(...p.items);
    if (!p.next) return seen;
    after = p.next;
  }
  throw new Error("no last page");
}

/** A customer with: two overdue invoices (one partly paid), a paid one, a void one, one not yet due, and a draft. */
async function ledger() {
  const customer = await makeCustomer({ legalName: `Ledger ${unique()}` });
  const issued = async (at: Date) => {
    const d = await makeDraftInvoice({ customerId: customer.id });
    await issueInvoice(db, d.staff, d.invoiceId, at);
    return d;
  };
  const late = await issued(jan15);
  const partly = await issued(jan15);
  await recordPayment(db, partly.staff, partly.invoiceId, { amountMinor: 1000, method: "TRANSFER", reference: "PART", receivedOn: "2026-01-20" }, jan15);
  const paid = await issued(jan15);
  await recordPayment(db, paid.staff, paid.invoiceId, { amountMinor: 17275, method: "CARD", reference: "", receivedOn: "2026-01-20" }, jan15);
  const voided = await issued(jan15);
  await voidInvoice(db, voided.staff, voided.invoiceId, "mistake", jan15);
  const notDue = await issued(new Date("2026-05-20T09:00:00Z"));
  const draft = await makeDraftInvoice({ customerId: customer.id });
  return { customer, late, partly, paid, voided, notDue, draft };
}

describe("the overdue invoice filter", () => {
  it("shows open invoices past due with something left to pay, as the domain rule says, and never drafts to customers", async () => {
    const l = await ledger();
    const portal = await listInvoices(db, { customerId: l.customer.id }, { status: "OVERDUE", today }, { take: 50, skip: 0 });
    expect(portal.items.map((i) => i.id).sort()).toEqual([l.late.invoiceId, l.partly.invoiceId].sort());
    expect(portal.total).toBe(2);
    for (const i of portal.items) expect(isPastDue(i.status, i.dueDate, today, i.balanceMinor)).toBe(true);
    const staff = await listInvoices(db, { staff: true }, { status: "OVERDUE", today, customerId: l.customer.id }, { take: 50, skip: 0 });
    expect(staff.items.map((i) => i.id).sort()).toEqual([l.late.invoiceId, l.partly.invoiceId].sort());
    // Every other row of the list is not overdue by the same rule.
    const all = await listInvoices(db, { customerId: l.customer.id }, { today }, { take: 50, skip: 0 });
    expect(all.items.filter((i) => isPastDue(i.status, i.dueDate, today, i.balanceMinor)).map((i) => i.id).sort()).toEqual([l.late.invoiceId, l.partly.invoiceId].sort());
    expect(all.items.some((i) => i.id === l.draft.invoiceId)).toBe(false);
    expect((await listInvoices(db, { customerId: l.customer.id }, { status: "DRAFT", today }, { take: 50, skip: 0 })).items).toEqual([]);
    // The day a due date is reached, it is not yet overdue.
    const dueDay = portal.items[0]?.dueDate as CalendarDate;
    expect((await listInvoices(db, { customerId: l.customer.id }, { status: "OVERDUE", today: dueDay }, { take: 50, skip: 0 })).items).toEqual([]);
  });
});

describe("the invoice CSV export", () => {
  it("speaks French to a French reader: ';', a BOM, translated headers and statuses, overdue, decimal comma", async () => {
    const l = await ledger();
    const { body, fileName, rows } = await exportInvoicesCsv(db, l.customer.id, { page: 1, from: "2026-01-01", to: "2026-06-30" }, "fr", june1);
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Numéro;Émise le;Échéance;Statut;Devise;Total;Reste à payer");
    expect(rows).toBe(5);
    expect(lines).toHaveLength(6);
    const statuses = lines.slice(1).map((line) => line.split(";")[3]);
    expect(statuses.sort()).toEqual(["Annulée", "En retard", "En retard", "Payée", "À payer"].sort());
    expect(lines.slice(1).some((line) => line.includes(";172,75;"))).toBe(true);
    expect(fileName).toBe("invoices-2026-01-01_2026-06-30.csv");
    const overdueOnly = await exportInvoicesCsv(db, l.customer.id, { page: 1, status: "OVERDUE" }, "fr", june1);
    expect(overdueOnly.rows).toBe(2);
  });

  it("keeps ',' and a decimal point for English readers", async () => {
    const l = await ledger();
    const { body } = await exportInvoicesCsv(db, l.customer.id, { page: 1, status: "OVERDUE" }, "en", june1);
    const lines = body.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("Number,Issued,")).toBe(true);
    expect(lines.slice(1).every((line) => line.includes(",Overdue,EUR,172.75,"))).toBe(true);
  });
});

describe("staff list of purchase orders", () => {
  it("filters by status, customer, number, customer name and dates, newest first, and pages without duplicates", async () => {
    const name = `Orders ${unique()}`;
    const customer = await makeCustomer({ legalName: name });
    const staff = await makeStaff(["BILLING"]);
    const { server } = await makeProducts();
    const at = new Date("2026-03-10T08:00:00Z");
    const made: { orderId: string; number: string }[] = [];
    // Three orders at the very same instant: only the id can order them.
    for (const when of [at, at, at, new Date("2026-03-12T08:00:00Z"), new Date("2026-04-01T08:00:00Z")]) {
      made.push(await createPurchaseOrder(db, staff, { customerId: customer.id, notes: "", lines: [{ productId: server.id, cycle: "MONTHLY", quantity: "1" }] }, when));
    }
    await sendPurchaseOrder(db, staff, made[0]?.orderId ?? "", at);
    await sendPurchaseOrder(db, staff, made[4]?.orderId ?? "", at);
    const list = (raw: Record<string, string>, take = 2) => walk((after) => listPurchaseOrdersForStaff(db, ZOrderListQuery.parse({ ...raw, ...(after ? { after } : {}) }), take));
    const all = await list({ customerId: customer.id });
    expect(all).toHaveLength(5);
    expect(new Set(all.map((o) => o.id)).size).toBe(5);
    const keys = all.map((o) => [o.createdAt, o.id] as const);
    expect([...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1))).toEqual(keys);
    expect((await list({ customerId: customer.id, status: "SENT" })).map((o) => o.id).sort()).toEqual([made[0]?.orderId, made[4]?.orderId].sort());
    expect((await list({ q: made[3]?.number.toLowerCase() ?? "" })).map((o) => o.id)).toEqual([made[3]?.orderId]);
    expect(await list({ q: name.toUpperCase() })).toHaveLength(5);
    expect((await list({ customerId: customer.id, from: "2026-03-11", to: "2026-03-31" })).map((o) => o.id)).toEqual([made[3]?.orderId]);
    expect(await list({ customerId: customer.id, to: "2026-03-10" })).toHaveLength(3);
    // A cursor that is not ours means the first page, not an error.
    expect(ZOrderListQuery.parse({ after: "'; DROP TABLE x" }).after).toBeUndefined();
  });
});

describe("staff lists of credit notes and payments", () => {
  it("filter, search and page credit notes and payments newest first", async () => {
    const name = `Ledger lists ${unique()}`;
    const customer = await makeCustomer({ legalName: name });
    const a = await makeDraftInvoice({ customerId: customer.id });
    const { number: invoiceNumber } = await issueInvoice(db, a.staff, a.invoiceId, jan15);
    const notes = [];
    for (const when of ["2026-01-20T09:00:00Z", "2026-01-20T10:00:00Z", "2026-01-20T11:00:00Z", "2026-02-02T09:00:00Z"]) {
      notes.push(await createCreditNote(db, a.staff, a.invoiceId, { mode: "amount", reason: "goodwill", grossMinor: 100 }, new Date(when)));
    }
    const cn = (raw: Record<string, string>) => walk((after) => listCreditNotesForStaff(db, ZCreditNoteListQuery.parse({ ...raw, ...(after ? { after } : {}) }), 2));
    const allNotes = await cn({ customerId: customer.id });
    expect(allNotes.map((n) => n.id)).toHaveLength(4);
    expect(new Set(allNotes.map((n) => n.id)).size).toBe(4);
    expect(allNotes[0]?.id).toBe(notes[3]?.creditNoteId);
    expect(allNotes.map((n) => n.issueDate)).toEqual(["2026-02-02", "2026-01-20", "2026-01-20", "2026-01-20"]);
    expect((await cn({ q: notes[1]?.number ?? "" })).map((n) => n.id)).toEqual([notes[1]?.creditNoteId]);
    expect(await cn({ q: name.toLowerCase() })).toHaveLength(4);
    expect((await cn({ customerId: customer.id, from: "2026-02-01" })).map((n) => n.id)).toEqual([notes[3]?.creditNoteId]);

    for (const [receivedOn, method, reference] of [
      ["2026-01-21", "TRANSFER", "VIR-A"],
      ["2026-01-21", "CHEQUE", "CHQ-B"],
      ["2026-01-22", "TRANSFER", "VIR-C"],
      ["2026-01-25", "CASH", ""],
    ] as const) {
      await recordPayment(db, a.staff, a.invoiceId, { amountMinor: 500, method, reference, receivedOn }, jan15);
    }
    const pay = (raw: Record<string, string>) => walk((after) => listPaymentsForStaff(db, ZPaymentListQuery.parse({ ...raw, ...(after ? { after } : {}) }), 2));
    const allPayments = await pay({ customerId: customer.id });
    expect(allPayments.map((p) => p.receivedOn)).toEqual(["2026-01-25", "2026-01-22", "2026-01-21", "2026-01-21"]);
    expect(new Set(allPayments.map((p) => p.id)).size).toBe(4);
    expect((await pay({ customerId: customer.id, method: "TRANSFER" })).map((p) => p.reference)).toEqual(["VIR-C", "VIR-A"]);
    expect((await pay({ q: "chq-b" })).map((p) => p.reference)).toEqual(["CHQ-B"]);
    expect(await pay({ q: invoiceNumber })).toHaveLength(4);
    expect(await pay({ q: name })).toHaveLength(4);
    expect((await pay({ customerId: customer.id, from: "2026-01-22", to: "2026-01-24" })).map((p) => p.reference)).toEqual(["VIR-C"]);
  });
});

describe("the audit log", () => {
  it("lists newest first by time, not by insertion, filters by actor, action and dates, and pages without duplicates", async () => {
    const actor = `auditor-${unique()}@example.com`;
    const other = `someone-${unique()}@example.com`;
    const at = (iso: string) => new Date(iso);
    // Inserted out of time order, with ties on `at`.
    await recordAudit(db, { action: "customer.updated", actorEmail: actor, targetType: "customer", targetId: "c1", at: at("2026-03-05T10:00:00.000Z") });
    await recordAudit(db, { action: "invoice.issued", actorEmail: actor, targetType: "invoice", targetId: "i1", at: at("2026-03-01T10:00:00.000Z") });
    await recordAudit(db, { action: "invoice.issued", actorEmail: actor, targetType: "invoice", targetId: "i2", at: at("2026-03-09T10:00:00.000Z") });
    await recordAudit(db, { action: "invoice.voided", actorEmail: actor, targetType: "invoice", targetId: "i3", at: at("2026-03-05T10:00:00.000Z") });
    await recordAudit(db, { action: "invoice.issued", actorEmail: other, targetType: "invoice", targetId: "i4", at: at("2026-03-07T10:00:00.000Z") });
    const list = (raw: Record<string, string>) => walk((after) => listAuditEvents(db, ZAuditListQuery.parse({ ...raw, ...(after ? { after } : {}) }), 2));
    const mine = await list({ actor });
    expect(mine.map((e) => e.targetId)).toEqual(["i2", "i3", "c1", "i1"]);
    expect(Number(mine[1]?.id)).toBeGreaterThan(Number(mine[2]?.id));
    expect((await list({ actor: actor.toUpperCase().slice(0, 14), action: "invoice.issued" })).map((e) => e.targetId)).toEqual(["i2", "i1"]);
    expect((await list({ actor, from: "2026-03-05", to: "2026-03-05" })).map((e) => e.targetId)).toEqual(["i3", "c1"]);
    expect((await list({ actor: other })).map((e) => e.targetId)).toEqual(["i4"]);
  });
});
