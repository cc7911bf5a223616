import { describe, expect, it } from "vitest";
import { pageRequest } from "@/contracts/list-cursor";
import { ZCreditNoteListQuery, ZOrderListQuery, ZPaymentListQuery } from "@/contracts/staff-lists";
import { calendarDate } from "@/domain/billing/calendar-date";
import { pageLinks } from "@/domain/shared/cursor-page";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { countCreditNotes, listCreditNotes } from "@/server/billing/credit-note-list";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { listPaymentsForStaff } from "@/server/billing/payment-list";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { listPurchaseOrdersForStaff } from "@/server/orders/order-list-queries";
import { sendPurchaseOrder } from "@/server/orders/send-purchase-order";
import { bulkInsertCreditNotes, bulkInsertPayments, bulkInsertPurchaseOrders } from "../support/bulk-lists";
import { expectStableWalk, minuteClock } from "../support/cursor-walk";
import { makeCustomer, makeDraftInvoice, makeProducts, makeStaff } from "../support/factories";

const db = getDb();
const jan15 = new Date("2026-01-15T09:00:00Z");
const unique = () => Math.random().toString(36).slice(2, 10);
/** Instants after every bulk row, each later than the one before: what a row added "now" gets. */
const later = minuteClock("2030-01-01T09:00:00Z");

/** An issued invoice of a new customer (17,275 to pay), to hang credit notes and payments on. */
async function issuedInvoice(legalName: string) {
  const customer = await makeCustomer({ legalName });
  const d = await makeDraftInvoice({ customerId: customer.id });
  const { number } = await issueInvoice(db, d.staff, d.invoiceId, jan15);
  return { customer, staff: d.staff, invoiceId: d.invoiceId, invoiceNumber: number };
}

describe("back-office list of purchase orders", () => {
  it("pages both ways in (created_at, id) order with no duplicate or skipped order while orders are created", async () => {
    const customer = await makeCustomer({ legalName: `Orders ${unique()}` });
    const staff = await makeStaff(["BILLING"]);
    const { server } = await makeProducts();
    await bulkInsertPurchaseOrders(db, {
      customerIds: [customer.id],
      count: 14,
      prefix: `W${unique()}`,
      from: "2026-03-01T08:00:00Z",
      productId: server.id,
      preparedById: staff.id,
    });
    const order = () =>
      createPurchaseOrder(
        db,
        staff,
        {
          customerId: customer.id,
          notes: "",
          lines: [{ productId: server.id, cycle: "MONTHLY", quantity: "1" }],
        },
        later(),
      );
    const all = await expectStableWalk({
      read: (req) => listPurchaseOrdersForStaff(db, { customerId: customer.id }, req),
      idOf: (o) => o.id,
      limit: 4,
      addAtTop: order,
    });
    const rows = (await listPurchaseOrdersForStaff(db, { customerId: customer.id }, { limit: 100 })).items;
    expect(rows.map((o) => o.id)).toEqual(all);
    const keys = rows.map((o) => `${o.createdAt}|${o.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it("filters by status, customer, number, customer name and dates", async () => {
    const name = `Orders ${unique()}`;
    const customer = await makeCustomer({ legalName: name });
    const staff = await makeStaff(["BILLING"]);
    const { server } = await makeProducts();
    const at = new Date("2026-03-10T08:00:00Z");
    const made: { orderId: string; number: string }[] = [];
    for (const when of [at, at, at, new Date("2026-03-12T08:00:00Z"), new Date("2026-04-01T08:00:00Z")]) {
      made.push(
        await createPurchaseOrder(
          db,
          staff,
          {
            customerId: customer.id,
            notes: "",
            lines: [{ productId: server.id, cycle: "MONTHLY", quantity: "1" }],
          },
          when,
        ),
      );
    }
    await sendPurchaseOrder(db, staff, made[0]?.orderId ?? "", at);
    await sendPurchaseOrder(db, staff, made[4]?.orderId ?? "", at);
    const ids = async (raw: Record<string, string>) => {
      const q = ZOrderListQuery.parse(raw);
      return (await listPurchaseOrdersForStaff(db, q, pageRequest(q, 50))).items.map((o) => o.id);
    };
    expect(await ids({ customerId: customer.id })).toHaveLength(5);
    expect((await ids({ customerId: customer.id, status: "SENT" })).sort()).toEqual(
      [made[0]?.orderId, made[4]?.orderId].sort(),
    );
    expect(await ids({ q: made[3]?.number.toLowerCase() ?? "" })).toEqual([made[3]?.orderId]);
    expect(await ids({ q: name.toUpperCase() })).toHaveLength(5);
    expect(await ids({ customerId: customer.id, from: "2026-03-11", to: "2026-03-31" })).toEqual([
      made[3]?.orderId,
    ]);
    expect(await ids({ customerId: customer.id, to: "2026-03-10" })).toHaveLength(3);
  });
});

describe("credit note lists", () => {
  it("page both ways, in the back-office and in the portal, while notes are issued", async () => {
    const inv = await issuedInvoice(`Notes ${unique()}`);
    await bulkInsertCreditNotes(db, {
      invoiceId: inv.invoiceId,
      customerId: inv.customer.id,
      count: 13,
      prefix: `CN${unique()}`,
      firstDay: "2026-02-01",
    });
    const note = () =>
      createCreditNote(
        db,
        inv.staff,
        inv.invoiceId,
        { mode: "amount", reason: "goodwill", grossMinor: 1 },
        later(),
      );
    const staff = await expectStableWalk({
      read: (req) => listCreditNotes(db, { staff: true }, { customerId: inv.customer.id }, req),
      idOf: (n) => n.id,
      limit: 4,
      addAtTop: note,
    });
    const portal = await expectStableWalk({
      read: (req) => listCreditNotes(db, { customerId: inv.customer.id }, {}, req),
      idOf: (n) => n.id,
      limit: 5,
      addAtTop: note,
    });
    expect(portal.slice(portal.length - staff.length)).toEqual(staff);
    // Newest day first; within a day, the highest number first.
    const rows = (await listCreditNotes(db, { customerId: inv.customer.id }, {}, { limit: 100 })).items;
    const keys = rows.map((n) => `${n.issueDate}|${n.number}`);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(await countCreditNotes(db, { customerId: inv.customer.id }, {}, 10)).toEqual({
      count: 10,
      capped: true,
    });
    expect(await countCreditNotes(db, { customerId: inv.customer.id }, {}, 1000)).toEqual({
      count: rows.length,
      capped: false,
    });
    // Another company's portal sees none of them, and cannot page from one of them.
    const other = await makeCustomer();
    expect((await listCreditNotes(db, { customerId: other.id }, {}, { limit: 5 })).items).toEqual([]);
    expect(
      await listCreditNotes(db, { customerId: other.id }, {}, { limit: 5, after: rows[0]?.id }),
    ).toMatchObject({ items: [], cursorFound: false });
  });

  it("filter by number, customer name, customer and issue dates", async () => {
    const name = `Ledger lists ${unique()}`;
    const inv = await issuedInvoice(name);
    const notes = [];
    for (const when of [
      "2026-01-20T09:00:00Z",
      "2026-01-20T10:00:00Z",
      "2026-01-20T11:00:00Z",
      "2026-02-02T09:00:00Z",
    ]) {
      notes.push(
        await createCreditNote(
          db,
          inv.staff,
          inv.invoiceId,
          { mode: "amount", reason: "goodwill", grossMinor: 100 },
          new Date(when),
        ),
      );
    }
    const ids = async (raw: Record<string, string>) => {
      const q = ZCreditNoteListQuery.parse(raw);
      const filters = {
        customerId: q.customerId,
        search: q.q,
        issuedFrom: q.from ? calendarDate(q.from) : undefined,
        issuedTo: q.to ? calendarDate(q.to) : undefined,
      };
      return (await listCreditNotes(db, { staff: true }, filters, pageRequest(q, 50))).items.map((n) => n.id);
    };
    expect(await ids({ customerId: inv.customer.id })).toEqual(
      [...notes].reverse().map((n) => n.creditNoteId),
    );
    expect(await ids({ q: notes[1]?.number ?? "" })).toEqual([notes[1]?.creditNoteId]);
    expect(await ids({ q: name.toLowerCase() })).toHaveLength(4);
    expect(await ids({ customerId: inv.customer.id, from: "2026-02-01" })).toEqual([notes[3]?.creditNoteId]);
    expect(await ids({ customerId: inv.customer.id, to: "2026-01-20" })).toHaveLength(3);
  });
});

describe("back-office list of payments", () => {
  it("pages both ways (day received, then time recorded, then id) while payments are recorded", async () => {
    const inv = await issuedInvoice(`Payments ${unique()}`);
    await bulkInsertPayments(db, {
      invoiceId: inv.invoiceId,
      customerId: inv.customer.id,
      count: 13,
      prefix: `PAY${unique()}`,
      firstDay: "2026-01-21",
    });
    const pay = () =>
      recordPayment(
        db,
        inv.staff,
        inv.invoiceId,
        { amountMinor: 1, method: "CARD", reference: "", receivedOn: "2030-01-01" },
        later(),
      );
    await expectStableWalk({
      read: (req) => listPaymentsForStaff(db, { customerId: inv.customer.id }, req),
      idOf: (p) => p.id,
      limit: 4,
      addAtTop: pay,
    });
    const days = (await listPaymentsForStaff(db, { customerId: inv.customer.id }, { limit: 100 })).items.map(
      (p) => p.receivedOn,
    );
    expect([...days].sort().reverse()).toEqual(days);
  });

  it("filters by method, reference, invoice number, customer name and days received", async () => {
    const name = `Ledger lists ${unique()}`;
    const inv = await issuedInvoice(name);
    for (const [receivedOn, method, reference] of [
      ["2026-01-21", "TRANSFER", "VIR-A"],
      ["2026-01-21", "CHEQUE", "CHQ-B"],
      ["2026-01-22", "TRANSFER", "VIR-C"],
      ["2026-01-25", "CASH", ""],
    ] as const) {
      await recordPayment(
        db,
        inv.staff,
        inv.invoiceId,
        { amountMinor: 500, method, reference, receivedOn },
        later(),
      );
    }
    const refs = async (raw: Record<string, string>) => {
      const q = ZPaymentListQuery.parse(raw);
      return (await listPaymentsForStaff(db, q, pageRequest(q, 50))).items.map((p) => p.reference);
    };
    expect(await refs({ customerId: inv.customer.id })).toEqual(["", "VIR-C", "CHQ-B", "VIR-A"]);
    expect(await refs({ customerId: inv.customer.id, method: "TRANSFER" })).toEqual(["VIR-C", "VIR-A"]);
    expect(await refs({ q: "chq-b" })).toEqual(["CHQ-B"]);
    expect(await refs({ q: inv.invoiceNumber })).toHaveLength(4);
    expect(await refs({ q: name })).toHaveLength(4);
    expect(await refs({ customerId: inv.customer.id, from: "2026-01-22", to: "2026-01-24" })).toEqual([
      "VIR-C",
    ]);
  });
});

describe("cursors a screen cannot use", () => {
  it("a malformed cursor is the first page; one naming no row of the list gives an empty page with a link to the first", async () => {
    for (const schema of [ZOrderListQuery, ZCreditNoteListQuery, ZPaymentListQuery]) {
      const q = schema.parse({ after: "'; DROP TABLE x", before: "2026-01-01~abc" });
      expect(pageRequest(q, 25)).toEqual({ limit: 25 });
    }
    const inv = await issuedInvoice(`Cursors ${unique()}`);
    const page = await listPaymentsForStaff(db, {}, { limit: 25, after: inv.invoiceId });
    expect(page).toMatchObject({ items: [], cursorFound: false });
    expect(pageLinks(page, (p) => p.id)).toEqual({ previous: null, next: null, onLaterPage: true });
  });
});
