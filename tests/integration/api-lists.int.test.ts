import { beforeAll, describe, expect, it } from "vitest";
import * as creditNotesRoute from "@/app/api/v1/credit-notes/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as ordersRoute from "@/app/api/v1/purchase-orders/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { createApiToken } from "@/server/api/manage-api-tokens";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { bulkInsertCustomers } from "../support/bulk-ledger";
import {
  bulkInsertCreditNotes,
  bulkInsertPurchaseOrders,
  bulkInsertSubscriptions,
} from "../support/bulk-lists";
import { expectStableWalk, minuteClock } from "../support/cursor-walk";
import { makeCustomer, makeDraftInvoice, makeProducts, makeStaff } from "../support/factories";

/**
 * The API's lists page with Stripe cursors (`limit`, `starting_after`, `ending_before`, `has_more`),
 * walked both ways while objects are created, and refuse a cursor that names no object of the list.
 */
const db = getDb();
const unique = () => Math.random().toString(36).slice(2, 10);
const later = minuteClock("2031-01-01T09:00:00Z");
let token = "";
beforeAll(async () => {
  token = (await createApiToken(db, null, `api-lists-${unique()}`, new Date())).token;
});

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
async function get(handler: Handler, query: string): Promise<{ status: number; body: any }> {
  const res = await handler(
    new Request(`http://comptoir.test/api/v1/list${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
}

/** An endpoint as a cursor list: the page request becomes the query string, the answer a page. */
const reader =
  (handler: Handler, filters: string) =>
  async (req: PageRequest): Promise<CursorPage<{ id: string }>> => {
    const cursor = req.after
      ? `&starting_after=${req.after}`
      : req.before
        ? `&ending_before=${req.before}`
        : "";
    const { status, body } = await get(handler, `?limit=${req.limit}${filters}${cursor}`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["data", "has_more", "object"]);
    return {
      items: body.data,
      hasMore: body.has_more,
      direction: req.before ? "before" : req.after ? "after" : "first",
      cursorFound: true,
    };
  };

/** 400 naming the parameter: a cursor of no object of this list, a malformed one, or both at once. */
async function expectBadCursors(handler: Handler, filters: string, foreignId: string) {
  for (const [query, field] of [
    [`&starting_after=${foreignId}`, "starting_after"],
    [`&ending_before=${foreignId}`, "ending_before"],
    ["&starting_after=1", "starting_after"],
    [`&starting_after=${foreignId}&ending_before=${foreignId}`, "ending_before"],
  ] as const) {
    const { status, body } = await get(handler, `?limit=2${filters}${query}`);
    expect([status, body.error.code, body.error.issues[0].field], query).toEqual([
      400,
      "VALIDATION_FAILED",
      field,
    ]);
  }
}

describe("GET /api/v1/customers", () => {
  it("pages by legal name both ways while customers are created, and searches name or e-mail", async () => {
    const prefix = `Api${unique()}`;
    await bulkInsertCustomers(db, 11, prefix);
    let n = 1000;
    const read = reader(customersRoute.GET as Handler, `&search=${prefix}`);
    await expectStableWalk({
      read,
      idOf: (c) => c.id,
      limit: 3,
      addAtTop: () => makeCustomer({ legalName: `${prefix} 000000-${--n}` }),
    });
    const byMail = await get(customersRoute.GET as Handler, `?search=${prefix.toUpperCase()}-4@`);
    expect(byMail.body.data.map((c: { legalName: string }) => c.legalName)).toEqual([`${prefix} 000004`]);
    await expectBadCursors(customersRoute.GET as Handler, `&search=${prefix}`, crypto.randomUUID());
  });
});

describe("GET /api/v1/subscriptions", () => {
  it("pages newest first both ways while subscriptions are created, one customer's or all", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    await bulkInsertSubscriptions(db, {
      customerIds: [customer.id],
      count: 11,
      productId: server.id,
      from: "2026-02-01T08:00:00Z",
    });
    const read = reader(subscriptionsRoute.GET as Handler, `&customerId=${customer.id}`);
    const add = () =>
      bulkInsertSubscriptions(db, {
        customerIds: [customer.id],
        count: 1,
        productId: server.id,
        from: later().toISOString(),
      });
    const ids = await expectStableWalk({ read, idOf: (s) => s.id, limit: 3, addAtTop: add });
    const first = await get(subscriptionsRoute.GET as Handler, `?customerId=${customer.id}&limit=1`);
    expect(first.body.data[0]).toMatchObject({
      id: ids[0],
      customerId: customer.id,
      quantity: "1",
      unitAmountMinor: 9900,
      cycle: "MONTHLY",
      currentPeriod: { start: "2026-01-01", end: "2026-02-01" },
    });
    const all = await get(subscriptionsRoute.GET as Handler, "?limit=1");
    expect(all.body.data[0].id).toBe(ids[0]);
    const otherCustomer = await makeCustomer();
    await bulkInsertSubscriptions(db, {
      customerIds: [otherCustomer.id],
      count: 1,
      productId: server.id,
      from: "2026-02-01T08:00:00Z",
    });
    const foreign = (await get(subscriptionsRoute.GET as Handler, `?customerId=${otherCustomer.id}`)).body
      .data[0].id;
    // Another customer's subscription names a row of the whole list: the filtered page starts from its key.
    expect(
      (await get(subscriptionsRoute.GET as Handler, `?customerId=${customer.id}&starting_after=${foreign}`))
        .status,
    ).toBe(200);
    await expectBadCursors(subscriptionsRoute.GET as Handler, `&customerId=${customer.id}`, customer.id);
  });
});

describe("GET /api/v1/purchase-orders", () => {
  it("pages newest first both ways while orders are prepared, each order with exactly its own lines", async () => {
    const customer = await makeCustomer();
    const staff = await makeStaff(["BILLING"]);
    const { server, setup } = await makeProducts();
    await bulkInsertPurchaseOrders(db, {
      customerIds: [customer.id],
      count: 11,
      prefix: `API${unique()}`,
      from: "2026-02-01T08:00:00Z",
      productId: server.id,
      preparedById: staff.id,
    });
    const add = () =>
      createPurchaseOrder(
        db,
        staff,
        {
          customerId: customer.id,
          notes: "",
          lines: [
            { productId: server.id, cycle: "MONTHLY", quantity: "2.5" },
            { productId: setup.id, quantity: "1" },
          ],
        },
        later(),
      );
    const read = reader(ordersRoute.GET as Handler, `&customerId=${customer.id}`);
    const ids = await expectStableWalk({ read, idOf: (o) => o.id, limit: 4, addAtTop: add });
    const page = (await get(ordersRoute.GET as Handler, `?customerId=${customer.id}&limit=100`)).body.data;
    expect(page.map((o: { id: string }) => o.id)).toEqual(ids);
    // The page's orders answer as one by one, lines included (one- and two-line orders, in position order).
    for (const o of page)
      expect(JSON.parse(JSON.stringify(await findPurchaseOrder(db, o.id, { staff: true })))).toEqual(o);
    expect(new Set(page.map((o: { lines: unknown[] }) => o.lines.length))).toEqual(new Set([1, 2]));
    await expectBadCursors(ordersRoute.GET as Handler, `&customerId=${customer.id}`, staff.id);
  });
});

describe("GET /api/v1/credit-notes", () => {
  it("pages newest first both ways while notes are issued", async () => {
    const customer = await makeCustomer();
    const d = await makeDraftInvoice({ customerId: customer.id });
    await issueInvoice(db, d.staff, d.invoiceId, new Date("2026-01-15T09:00:00Z"));
    await bulkInsertCreditNotes(db, {
      invoiceId: d.invoiceId,
      customerId: customer.id,
      count: 11,
      prefix: `ACN${unique()}`,
      firstDay: "2026-02-01",
    });
    const add = () =>
      createCreditNote(
        db,
        d.staff,
        d.invoiceId,
        { mode: "amount", reason: "goodwill", grossMinor: 1 },
        later(),
      );
    const read = reader(creditNotesRoute.GET as Handler, `&customerId=${customer.id}`);
    await expectStableWalk({ read, idOf: (n) => n.id, limit: 3, addAtTop: add });
    const first = (await get(creditNotesRoute.GET as Handler, `?customerId=${customer.id}&limit=1`)).body
      .data[0];
    expect(first).toMatchObject({
      customerId: customer.id,
      invoice: { id: d.invoiceId },
      grossMinor: 1,
      reason: "goodwill",
    });
    await expectBadCursors(creditNotesRoute.GET as Handler, `&customerId=${customer.id}`, d.invoiceId);
  });
});
