import { describe, expect, it } from "vitest";
import * as customerRoute from "@/app/api/v1/customers/[customerId]/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import { createApiToken } from "@/server/api/manage-api-tokens";
import { getDb } from "@/server/db/client";
import { makeCustomer } from "../support/factories";

// Issue 13, items 1, 4 and 5: odd input from a careless or hostile API client gets a precise 4xx
// naming the field, and writes nothing; a partial PATCH changes only what it names.
const db = getDb();
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: Handler,
  opts: {
    method?: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
    query?: string;
    contentType?: string | null;
  } = {},
) {
  const { token } = await createApiToken(db, null, `edges-${Math.random()}`, new Date());
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (opts.contentType !== null) headers["content-type"] = opts.contentType ?? "application/json";
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await handler(
    new Request(`http://comptoir.test/api/v1/x${opts.query ?? ""}`, {
      method: opts.method ?? "GET",
      headers,
      body,
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
const fields = (body: Record<string, unknown>) =>
  ((body.error as { issues?: { field: string }[] })?.issues ?? []).map((i) => i.field);

describe("PATCH /api/v1/customers/{id}", () => {
  it("changes only the fields sent and audits only what changed", async () => {
    const customer = await db.customer.create({
      data: {
        legalName: "Avant SARL",
        billingEmail: "a@example.com",
        addressLine1: "1 rue Haute",
        city: "Lyon",
        country: "FR",
        taxId: "FR123",
        locale: "es",
        timeZone: "America/Montreal",
      },
    });
    const r = await call(customerRoute.PATCH as Handler, {
      method: "PATCH",
      params: { customerId: customer.id },
      body: { legalName: "Après SARL", city: "Lyon" },
    });
    expect(r.status).toBe(200);
    const after = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(after).toMatchObject({
      legalName: "Après SARL",
      addressLine1: "1 rue Haute",
      city: "Lyon",
      country: "FR",
      taxId: "FR123",
      locale: "es",
      timeZone: "America/Montreal",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: customer.id, action: "customer.updated" },
      orderBy: { id: "desc" },
    });
    expect((audit.details as { fields: string[] }).fields).toEqual(["legalName"]);
  });

  it("refuses an empty PATCH with a 400 and writes nothing", async () => {
    const customer = await makeCustomer();
    const r = await call(customerRoute.PATCH as Handler, {
      method: "PATCH",
      params: { customerId: customer.id },
      body: {},
    });
    expect(r.status).toBe(400);
    expect(await db.auditEvent.count({ where: { targetId: customer.id, action: "customer.updated" } })).toBe(
      0,
    );
  });
});

describe("odd input is a 4xx naming the field, never a 500", () => {
  it("a NUL byte in a body string, a query or a nested field", async () => {
    const customer = await makeCustomer();
    const before = await db.invoice.count();
    const body = {
      customerId: customer.id,
      notes: "a\u0000b",
      lines: [{ description: "x\u0000", quantity: "1", unitAmountMinor: 100, taxRateBp: 2000 }],
    };
    const r = await call(invoicesRoute.POST as Handler, { method: "POST", body });
    expect(r.status).toBe(400);
    expect(fields(r.body)).toEqual(expect.arrayContaining(["notes", "lines.0.description"]));
    expect(await db.invoice.count()).toBe(before);
    const q = await call(customersRoute.GET as Handler, { query: "?search=%00" });
    expect(q.status).toBe(400);
    expect(fields(q.body)).toEqual(["search"]);
  });

  it("a date of year 0000 in a period", async () => {
    const customer = await makeCustomer();
    const r = await call(invoicesRoute.POST as Handler, {
      method: "POST",
      body: {
        customerId: customer.id,
        lines: [
          {
            description: "x",
            quantity: "1",
            unitAmountMinor: 100,
            taxRateBp: 2000,
            periodStart: "0000-01-01",
            periodEnd: "0000-02-01",
          },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(fields(r.body)).toEqual(expect.arrayContaining(["lines.0.periodStart"]));
  });

  it("an unknown productId is named, with nothing written", async () => {
    const customer = await makeCustomer();
    const before = await db.invoice.count();
    const r = await call(invoicesRoute.POST as Handler, {
      method: "POST",
      body: {
        customerId: customer.id,
        lines: [
          {
            description: "x",
            productId: "00000000-0000-4000-8000-000000000000",
            quantity: "1",
            unitAmountMinor: 100,
            taxRateBp: 2000,
          },
        ],
      },
    });
    expect([404, 422]).toContain(r.status);
    expect(fields(r.body)).toEqual(["lines.0.productId"]);
    expect(await db.invoice.count()).toBe(before);
  });

  it("amounts whose product overflows name the field", async () => {
    const customer = await makeCustomer();
    const r = await call(invoicesRoute.POST as Handler, {
      method: "POST",
      body: {
        customerId: customer.id,
        lines: [
          {
            description: "x",
            quantity: "999999999.999",
            unitAmountMinor: 1_000_000_000_000,
            taxRateBp: 2000,
          },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(fields(r.body)).toEqual(["lines.0.unitAmountMinor"]);
  });

  it("a JSON body sent as text/plain or without a Content-Type is a 415", async () => {
    const customer = await makeCustomer();
    const body = { legalName: "Plain SARL", billingEmail: "p@example.com" };
    expect(
      (await call(customersRoute.POST as Handler, { method: "POST", body, contentType: "text/plain" }))
        .status,
    ).toBe(415);
    expect(
      (await call(customersRoute.POST as Handler, { method: "POST", body, contentType: null })).status,
    ).toBe(415);
    expect(
      (
        await call(customerRoute.PATCH as Handler, {
          method: "PATCH",
          params: { customerId: customer.id },
          body: { city: "Nice" },
          contentType: "text/plain",
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await call(customersRoute.POST as Handler, {
          method: "POST",
          body,
          contentType: "application/json; charset=utf-8",
        })
      ).status,
    ).toBe(201);
  });
});
