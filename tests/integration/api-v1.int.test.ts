import { describe, expect, it } from "vitest";
import * as invoiceRoute from "@/app/api/v1/invoices/[invoiceId]/route";
import * as creditNotesRoute from "@/app/api/v1/invoices/[invoiceId]/credit-notes/route";
import * as issueRoute from "@/app/api/v1/invoices/[invoiceId]/issue/route";
import * as paymentsRoute from "@/app/api/v1/invoices/[invoiceId]/payments/route";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import { createApiToken, revokeApiToken } from "@/server/api/manage-api-tokens";
import { API_OPERATIONS } from "@/server/api/openapi";
import { getDb } from "@/server/db/client";
import { makeCustomer, makeStaff } from "../support/factories";

const db = getDb();
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, opts: { method?: string; token?: string; body?: unknown; rawBody?: string; params?: Record<string, string>; key?: string; query?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.key) headers["idempotency-key"] = opts.key;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await handler(new Request(`http://comptoir.test/api/v1/x${opts.query ?? ""}`, { method: opts.method ?? "GET", headers, body }), { params: Promise.resolve(opts.params ?? {}) });
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function token() {
  return (await createApiToken(db, null, `test-${Math.random()}`, new Date())).token;
}

const draft = (customerId: string) => ({
  customerId,
  lines: [
    { description: "Hébergement", quantity: "1", unitAmountMinor: 1290, taxRateBp: 2000, periodStart: "2026-03-01", periodEnd: "2026-04-01" },
    { description: "Installation", quantity: 2, unitAmountMinor: 5000, taxRateBp: 2000 },
  ],
});

describe("REST API v1", () => {
  it("refuses missing, unknown and revoked tokens (401) and tokens whose owner lost the role (403)", async () => {
    expect((await call(invoicesRoute.GET as Handler)).status).toBe(401);
    expect((await call(invoicesRoute.GET as Handler, { token: "cpt_nope" })).status).toBe(401);
    const admin = await makeStaff(["ADMIN"]);
    const t = await createApiToken(db, admin, "mine", new Date());
    expect((await call(invoicesRoute.GET as Handler, { token: t.token })).status).toBe(200);
    await db.user.update({ where: { id: admin.id }, data: { staffRoles: ["SUPPORT"] } });
    expect((await call(invoicesRoute.GET as Handler, { token: t.token })).status).toBe(403);
    await revokeApiToken(db, admin, t.tokenId, new Date());
    expect((await call(invoicesRoute.GET as Handler, { token: t.token })).status).toBe(401);
  });

  it("answers 400 with each field and reason, including unknown fields and malformed JSON", async () => {
    const tk = await token();
    const customer = await makeCustomer();
    const bad = await call(invoicesRoute.POST as Handler, {
      method: "POST",
      token: tk,
      body: { customerId: customer.id, status: "PAID", lines: [{ description: "", quantity: "1.2345", unitAmountMinor: 1.5, taxRateBp: 2000 }] },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["lines.0.description", "lines.0.quantity", "lines.0.unitAmountMinor", "(body)"]));
    expect(JSON.stringify(bad.body)).toContain("status");
    expect((await call(invoicesRoute.POST as Handler, { method: "POST", token: tk, rawBody: "{not json" })).body.error.code).toBe("MALFORMED_JSON");
    expect((await call(invoiceRoute.GET as Handler, { token: tk, params: { invoiceId: "not-a-uuid" } })).status).toBe(404);
    expect((await call(invoiceRoute.GET as Handler, { token: tk, params: { invoiceId: crypto.randomUUID() } })).status).toBe(404);
  });

  it("creates, issues, credits and pays an invoice, with line periods in the answers", async () => {
    const tk = await token();
    const customer = await makeCustomer();
    const created = await call(invoicesRoute.POST as Handler, { method: "POST", token: tk, body: draft(customer.id) });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: "DRAFT", number: null, grossMinor: 13548 });
    const issued = await call(issueRoute.POST as Handler, { method: "POST", token: tk, params: { invoiceId: id } });
    expect(issued.body).toMatchObject({ status: "OPEN", grossMinor: 13548 });
    expect(issued.body.lines[0].period).toEqual({ start: "2026-03-01", end: "2026-04-01" });
    expect((await call(issueRoute.POST as Handler, { method: "POST", token: tk, params: { invoiceId: id } })).status).toBe(409);

    const tooMuch = await call(creditNotesRoute.POST as Handler, { method: "POST", token: tk, params: { invoiceId: id }, body: { mode: "amount", reason: "x", grossMinor: 99999 } });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([422, "CREDIT_EXCEEDS_BALANCE"]);
    const note = await call(creditNotesRoute.POST as Handler, { method: "POST", token: tk, params: { invoiceId: id }, body: { mode: "amount", reason: "Geste", grossMinor: 1548 } });
    expect(note.status).toBe(201);
    const paid = await call(paymentsRoute.POST as Handler, { method: "POST", token: tk, params: { invoiceId: id }, body: { amountMinor: 12000, method: "TRANSFER", receivedOn: "2026-03-05" } });
    expect(paid.body.invoice).toMatchObject({ status: "PAID", balanceMinor: 0 });
    const list = await call(invoicesRoute.GET as Handler, { token: tk, query: `?customerId=${customer.id}&status=PAID` });
    expect(list.body).toEqual({ object: "list", data: [expect.objectContaining({ id, status: "PAID" })], has_more: false });
  });

  it("honours Idempotency-Key: same key and body replay the first answer, never a second object", async () => {
    const tk = await token();
    const customer = await makeCustomer();
    const key = `key-${Math.random()}`;
    const [a, b] = await Promise.all([
      call(invoicesRoute.POST as Handler, { method: "POST", token: tk, key, body: draft(customer.id) }),
      call(invoicesRoute.POST as Handler, { method: "POST", token: tk, key, body: draft(customer.id) }),
    ]);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([201]));
    const again = await call(invoicesRoute.POST as Handler, { method: "POST", token: tk, key, body: draft(customer.id) });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe([a, b].find((r) => r.status === 201)?.body.id);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(1);
    const other = await call(invoicesRoute.POST as Handler, { method: "POST", token: tk, key, body: { ...draft(customer.id), notes: "different" } });
    expect([other.status, other.body.error.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
  });

  it("creates customers through the API and documents every operation in OpenAPI 3.1", async () => {
    const tk = await token();
    const created = await call(customersRoute.POST as Handler, { method: "POST", token: tk, body: { legalName: "Café Ñandú", billingEmail: "Compta@Nandu.example", timeZone: "America/Buenos_Aires", currency: "ARS", locale: "es" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ legalName: "Café Ñandú", billingEmail: "compta@nandu.example", currency: "ARS" });
    expect((await call(customersRoute.POST as Handler, { method: "POST", token: tk, body: { legalName: "X", billingEmail: "x@example.com", timeZone: "Mars/Olympus" } })).status).toBe(400);

    const doc = (await openapiRoute.GET().json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual([...API_OPERATIONS].sort());
    const body = doc.paths["/invoices"]?.post?.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
    expect(Object.keys(body.content["application/json"]?.schema.properties ?? {})).toEqual(expect.arrayContaining(["customerId", "lines", "currency"]));
  });
});
