import { describe, expect, it } from "vitest";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { PageRequest } from "@/domain/shared/cursor-page";
import { isPastDue } from "@/domain/billing/invoice-state";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import { createApiToken } from "@/server/api/manage-api-tokens";
import { CSV_BATCH_ROWS, exportInvoicesCsv } from "@/server/billing/export-invoices-csv";
import { countInvoices, customerBalanceSummary, INVOICE_COUNT_CAP, type InvoiceListFilters, listInvoices, type LedgerScope } from "@/server/billing/invoice-list";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { recordPayment } from "@/server/billing/record-payment";
import { voidInvoice } from "@/server/billing/void-invoice";
import { getDb } from "@/server/db/client";
import { bulkInsertInvoices } from "../support/bulk-ledger";
import { makeCustomer, makeDraftInvoice } from "../support/factories";

const db = getDb();
const jan15 = new Date("2026-01-15T09:00:00Z");
const june1 = new Date("2026-06-01T10:00:00Z");
const today = "2026-06-01" as CalendarDate;
const unique = () => Math.random().toString(36).slice(2, 10);
/** The file as sent, BOM included (Response.text() would drop it). */
const csvText = async (body: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(body).arrayBuffer());

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

/** Every page forwards with `after`, as the Next links do. */
async function walkForward(scope: LedgerScope, filters: InvoiceListFilters, limit: number, between?: (pageNo: number) => Promise<void>) {
  const seen: string[] = [];
  let req: PageRequest = { limit };
  for (let pageNo = 0; pageNo < 500; pageNo++) {
    const page = await listInvoices(db, scope, filters, req);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((i) => i.id));
    if (!page.hasMore) return seen;
    await between?.(pageNo);
    req = { limit, after: page.items.at(-1)?.id };
  }
  throw new Error("no last page");
}

describe("the overdue invoice filter", () => {
  it("shows open invoices past due with something left to pay, as the domain rule says, and never drafts to customers", async () => {
    const l = await ledger();
    const overdue = [l.late.invoiceId, l.partly.invoiceId].sort();
    const portal = await listInvoices(db, { customerId: l.customer.id }, { status: "OVERDUE", today }, { limit: 50 });
    expect(portal.items.map((i) => i.id).sort()).toEqual(overdue);
    expect(await countInvoices(db, { customerId: l.customer.id }, { status: "OVERDUE", today })).toEqual({ count: 2, capped: false });
    for (const i of portal.items) expect(isPastDue(i.status, i.dueDate, today, i.balanceMinor)).toBe(true);
    const staff = await listInvoices(db, { staff: true }, { status: "OVERDUE", today, customerId: l.customer.id }, { limit: 50 });
    expect(staff.items.map((i) => i.id).sort()).toEqual(overdue);
    const all = await listInvoices(db, { customerId: l.customer.id }, { today }, { limit: 50 });
    expect(all.items.filter((i) => isPastDue(i.status, i.dueDate, today, i.balanceMinor)).map((i) => i.id).sort()).toEqual(overdue);
    expect(all.items.some((i) => i.id === l.draft.invoiceId)).toBe(false);
    expect((await listInvoices(db, { customerId: l.customer.id }, { status: "DRAFT", today }, { limit: 50 })).items).toEqual([]);
    const dueDay = portal.items[0]?.dueDate as CalendarDate;
    expect((await listInvoices(db, { customerId: l.customer.id }, { status: "OVERDUE", today: dueDay }, { limit: 50 })).items).toEqual([]);
  });

  it("sums the portal home's balances in SQL: due and overdue per currency, as the list rows add up", async () => {
    const l = await ledger();
    const summary = await customerBalanceSummary(db, l.customer.id, today);
    const rows = (await listInvoices(db, { customerId: l.customer.id }, { status: "OPEN", today }, { limit: 50 })).items;
    const late = rows.filter((i) => isPastDue(i.status, i.dueDate, today, i.balanceMinor));
    expect(summary).toEqual([
      { currency: "EUR", dueMinor: rows.reduce((s, i) => s + i.balanceMinor, 0), overdueMinor: late.reduce((s, i) => s + i.balanceMinor, 0), overdueCount: 2 },
    ]);
    expect(summary[0]?.dueMinor).toBe(3 * 17275 - 1000);
  });
});

describe("cursor pagination of invoice lists", () => {
  it("walks every row once in list order, forwards and backwards, with no duplicate or skipped row while rows are inserted", async () => {
    const customer = await makeCustomer({ legalName: `Pages ${unique()}` });
    await bulkInsertInvoices(db, { customerIds: [customer.id], count: 23, prefix: `P${unique()}`, firstDay: "2026-01-01", days: 5 });
    const drafts = [await makeDraftInvoice({ customerId: customer.id }), await makeDraftInvoice({ customerId: customer.id })];
    const scope = { staff: true } as const;
    const filters = { customerId: customer.id };
    const before = (await listInvoices(db, scope, filters, { limit: 100 })).items;
    expect(before).toHaveLength(25);
    // Drafts first, then issue date and number, newest first.
    expect(before.slice(0, 2).every((i) => i.status === "DRAFT")).toBe(true);
    const issued = before.slice(2);
    const keys = issued.map((i) => `${i.issueDate}|${i.number}`);
    expect([...keys].sort().reverse()).toEqual(keys);

    // New rows arrive between pages (a draft and a newly issued invoice, both at the top of the list).
    const walked = await walkForward(scope, filters, 4, async (pageNo) => {
      if (pageNo === 1) {
        const late = await makeDraftInvoice({ customerId: customer.id });
        await issueInvoice(db, late.staff, late.invoiceId, new Date("2026-07-01T09:00:00Z"));
        await makeDraftInvoice({ customerId: customer.id });
      }
    });
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(before.map((i) => i.id));
    expect(drafts.map((d) => d.invoiceId).every((id) => walked.includes(id))).toBe(true);

    // Backwards from the last row: `before` pages come back in list order and meet the top.
    const now = (await listInvoices(db, scope, filters, { limit: 100 })).items.map((i) => i.id);
    const back: string[] = [];
    let cursor = now.at(-1);
    for (;;) {
      const page = await listInvoices(db, scope, filters, { limit: 4, before: cursor });
      back.unshift(...page.items.map((i) => i.id));
      if (!page.hasMore) break;
      cursor = page.items[0]?.id;
    }
    expect(back).toEqual(now.slice(0, -1));
  });

  it("pages a filtered list (status, search) with the same cursor rules", async () => {
    const customer = await makeCustomer({ legalName: `Filtered ${unique()}` });
    const prefix = `Q${unique()}`;
    await bulkInsertInvoices(db, { customerIds: [customer.id], count: 40, prefix, firstDay: "2026-02-01", days: 20 });
    const paid = await walkForward({ staff: true }, { customerId: customer.id, status: "PAID" }, 3);
    expect(paid).toHaveLength(28);
    const found = await walkForward({ staff: true }, { search: `${prefix.toLowerCase()}-000000` }, 2);
    expect(found).toHaveLength(9); // -0000001 … -0000009
  });

  it("a cursor the reader may not see gives an empty page flagged as not found; the API answers 400 naming it", async () => {
    const a = await ledger();
    const other = await makeCustomer();
    const foreign = await listInvoices(db, { customerId: other.id }, {}, { limit: 5, after: a.late.invoiceId });
    expect(foreign).toMatchObject({ items: [], cursorFound: false });
    const draftCursor = await listInvoices(db, { customerId: a.customer.id }, {}, { limit: 5, after: a.draft.invoiceId });
    expect(draftCursor.cursorFound).toBe(false);

    const { token } = await createApiToken(db, null, `cursor-${unique()}`, new Date());
    const get = async (query: string) => {
      const res = await invoicesRoute.GET(new Request(`http://comptoir.test/api/v1/invoices${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
      // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
      return { status: res.status, body: (await res.json()) as any };
    };
    const first = await get(`?customerId=${a.customer.id}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: "list", has_more: true });
    expect(first.body.data).toHaveLength(2);
    const second = await get(`?customerId=${a.customer.id}&limit=2&starting_after=${first.body.data[1].id}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[1].id);
    const back = await get(`?customerId=${a.customer.id}&limit=2&ending_before=${second.body.data[0].id}`);
    expect(back.body.data.map((i: { id: string }) => i.id)).toEqual(first.body.data.map((i: { id: string }) => i.id));
    expect(back.body.has_more).toBe(false);

    const unknown = await get(`?starting_after=00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([{ field: "starting_after", reason: "No such object in this list." }]);
    expect((await get("?ending_before=not-a-cursor")).body.error.issues[0].field).toBe("ending_before");
    const both = await get(`?starting_after=${a.late.invoiceId}&ending_before=${a.paid.invoiceId}`);
    expect(both.status).toBe(400);
    expect(both.body.error.issues[0].field).toBe("ending_before");
    expect((await get("?limit=0")).status).toBe(400);
    expect((await get("?limit=101")).status).toBe(400);
  });
});

describe("totals above lists", () => {
  it("are exact up to the cap and say 'more than' beyond it, without counting every row", async () => {
    const customer = await makeCustomer({ legalName: `Counted ${unique()}` });
    await bulkInsertInvoices(db, { customerIds: [customer.id], count: INVOICE_COUNT_CAP + 5, prefix: `C${unique()}`, firstDay: "2025-01-01", days: 600 });
    expect(await countInvoices(db, { customerId: customer.id }, {})).toEqual({ count: INVOICE_COUNT_CAP, capped: true });
    expect(await countInvoices(db, { customerId: customer.id }, { status: "VOID" })).toEqual({ count: Math.floor((INVOICE_COUNT_CAP + 5) / 10), capped: false });
  });
});

describe("the invoice CSV export", () => {
  it("speaks French to a French reader: ';', a BOM, translated headers and statuses, overdue, decimal comma", async () => {
    const l = await ledger();
    const { body, fileName, rows } = await exportInvoicesCsv(db, l.customer.id, { from: "2026-01-01", to: "2026-06-30" }, "fr", june1);
    const text = await csvText(body);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Numéro;Émise le;Échéance;Statut;Devise;Total;Reste à payer");
    expect(rows).toBe(5);
    expect(lines).toHaveLength(6);
    const statuses = lines.slice(1).map((line) => line.split(";")[3]);
    expect(statuses.sort()).toEqual(["Annulée", "En retard", "En retard", "Payée", "À payer"].sort());
    expect(lines.slice(1).some((line) => line.includes(";172,75;"))).toBe(true);
    expect(fileName).toBe("invoices_2026-01-01_2026-06-30_5-rows.csv");
    const overdueOnly = await exportInvoicesCsv(db, l.customer.id, { status: "OVERDUE" }, "fr", june1);
    expect(overdueOnly.rows).toBe(2);
    expect(overdueOnly.fileName).toBe("invoices_2026-01-15_2026-01-15_2-rows.csv");
    await csvText(overdueOnly.body);
  });

  it("keeps ',' and a decimal point for English readers", async () => {
    const l = await ledger();
    const { body } = await exportInvoicesCsv(db, l.customer.id, { status: "OVERDUE" }, "en", june1);
    const lines = (await csvText(body)).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("Number,Issued,")).toBe(true);
    expect(lines.slice(1).every((line) => line.includes(",Overdue,EUR,172.75,"))).toBe(true);
  });

  it("writes every row of a list longer than 10,000 invoices, each once, in list order", async () => {
    const customer = await makeCustomer({ legalName: `Big export ${unique()}` });
    const prefix = `X${unique()}`;
    const count = 10_000 + CSV_BATCH_ROWS + 7;
    await bulkInsertInvoices(db, { customerIds: [customer.id], count, prefix, firstDay: "2024-01-01", days: 700 });
    const { body, rows, fileName } = await exportInvoicesCsv(db, customer.id, {}, "en", june1);
    expect(rows).toBe(count);
    expect(fileName).toBe(`invoices_2024-01-01_2025-12-01_${count}-rows.csv`);
    const lines = (await csvText(body)).replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(count);
    const numbers = lines.map((line) => line.split(",")[0] ?? "");
    expect(new Set(numbers).size).toBe(count);
    expect(numbers[0]).toBe(`${prefix}-${String(count).padStart(7, "0")}`);
    expect(numbers.at(-1)).toBe(`${prefix}-0000001`);
  });

  it("stops reading when the client goes away", async () => {
    const customer = await makeCustomer({ legalName: `Abandoned ${unique()}` });
    await bulkInsertInvoices(db, { customerIds: [customer.id], count: 5 * CSV_BATCH_ROWS, prefix: `A${unique()}`, firstDay: "2025-01-01", days: 300 });
    const { body, finished } = await exportInvoicesCsv(db, customer.id, {}, "en", june1);
    const reader = body.getReader();
    await reader.read();
    await reader.cancel("client went away");
    const outcome = await finished;
    expect(outcome.complete).toBe(false);
    expect(outcome.batches).toBeLessThan(5);
    // The export's snapshot transaction is rolled back instead of reading the remaining batches.
    const openExports = async () =>
      (await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND backend_xid IS NULL AND xact_start IS NOT NULL`)[0]?.n;
    await expect.poll(openExports, { timeout: 5_000 }).toBe(0);
  });
});
