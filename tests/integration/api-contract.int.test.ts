import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as creditNotesRoute from "@/app/api/v1/credit-notes/route";
import * as customerRoute from "@/app/api/v1/customers/[customerId]/route";
import * as sitesRoute from "@/app/api/v1/customers/[customerId]/sites/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as invoiceCreditNotesRoute from "@/app/api/v1/invoices/[invoiceId]/credit-notes/route";
import * as issueRoute from "@/app/api/v1/invoices/[invoiceId]/issue/route";
import * as paymentsRoute from "@/app/api/v1/invoices/[invoiceId]/payments/route";
import * as pdfRoute from "@/app/api/v1/invoices/[invoiceId]/pdf/route";
import * as invoiceRoute from "@/app/api/v1/invoices/[invoiceId]/route";
import * as invoiceTimelineRoute from "@/app/api/v1/invoices/[invoiceId]/timeline/route";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as orderRoute from "@/app/api/v1/purchase-orders/[orderId]/route";
import * as ordersRoute from "@/app/api/v1/purchase-orders/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import * as subscriptionTimelineRoute from "@/app/api/v1/subscriptions/[subscriptionId]/timeline/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { apiResponseRegistry, ZApiError } from "@/contracts/api-responses";
import { createApiToken } from "@/server/api/manage-api-tokens";
import * as billingRunRoute from "@/app/api/v1/billing-runs/[runId]/route";
import * as billingRunsRoute from "@/app/api/v1/billing-runs/route";
import * as billingPreviewRoute from "@/app/api/v1/billing-preview/route";
import * as paymentRoute from "@/app/api/v1/payments/[paymentId]/route";
import * as allPaymentsRoute from "@/app/api/v1/payments/route";
import * as refundsRoute from "@/app/api/v1/refunds/route";
import * as hourBanksRoute from "@/app/api/v1/hour-banks/route";
import * as ticketRoute from "@/app/api/v1/tickets/[ticketId]/route";
import * as ticketsRoute from "@/app/api/v1/tickets/route";
import * as timeEntriesRoute from "@/app/api/v1/time-entries/route";
import { API_OPERATION_LIST, type ApiOperation, responseSchemaId } from "@/server/api/openapi";
import { getDb } from "@/server/db/client";
import { bulkInsertCreditNotes, bulkInsertPurchaseOrders, bulkInsertSubscriptions } from "../support/bulk-lists";
import { makeCustomer, makeCustomerUser, makeDraftInvoice, makeProducts, makeStaff } from "../support/factories";

const db = getDb();

/**
 * The contract: every operation is called for real and its answer must parse with the zod schema the
 * OpenAPI document was generated from, with no field the schema does not name.
 */
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const HANDLERS: Record<string, unknown> = {
  listCustomers: customersRoute.GET,
  createCustomer: customersRoute.POST,
  getCustomer: customerRoute.GET,
  updateCustomer: customerRoute.PATCH,
  listCustomerSites: sitesRoute.GET,
  createCustomerSite: sitesRoute.POST,
  listProducts: productsRoute.GET,
  createProduct: productsRoute.POST,
  listSubscriptions: subscriptionsRoute.GET,
  createSubscription: subscriptionsRoute.POST,
  getSubscription: subscriptionRoute.GET,
  getSubscriptionTimeline: subscriptionTimelineRoute.GET,
  listPurchaseOrders: ordersRoute.GET,
  createPurchaseOrder: ordersRoute.POST,
  getPurchaseOrder: orderRoute.GET,
  listInvoices: invoicesRoute.GET,
  createInvoice: invoicesRoute.POST,
  getInvoice: invoiceRoute.GET,
  getInvoiceTimeline: invoiceTimelineRoute.GET,
  issueInvoice: issueRoute.POST,
  getInvoicePdf: pdfRoute.GET,
  listInvoiceCreditNotes: invoiceCreditNotesRoute.GET,
  createInvoiceCreditNote: invoiceCreditNotesRoute.POST,
  createInvoicePayment: paymentsRoute.POST,
  listCreditNotes: creditNotesRoute.GET,
  listBillingRuns: billingRunsRoute.GET,
  startBillingRun: billingRunsRoute.POST,
  getBillingRun: billingRunRoute.GET,
  previewBilling: billingPreviewRoute.GET,
  listPayments: allPaymentsRoute.GET,
  getPayment: paymentRoute.GET,
  listRefunds: refundsRoute.GET,
  createRefund: refundsRoute.POST,
  listTickets: ticketsRoute.GET,
  openTicket: ticketsRoute.POST,
  getTicket: ticketRoute.GET,
  listHourBanks: hourBanksRoute.GET,
  buyHourBank: hourBanksRoute.POST,
  listTimeEntries: timeEntriesRoute.GET,
  logTimeEntry: timeEntriesRoute.POST,
};

const opById = (id: string) => {
  const op = API_OPERATION_LIST.find((o) => o.operationId === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};
const covered = new Set<string>();
let tk = "";

interface CallOpts {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  contentType?: string;
}

async function raw(operationId: string, opts: CallOpts = {}) {
  const op = opById(operationId);
  const headers: Record<string, string> = {
    authorization: `Bearer ${tk}`,
    "content-type": opts.contentType ?? "application/json",
  };
  const url = `http://comptoir.test/api/v1${op.path}${opts.query ?? ""}`;
  const request = new Request(url, {
    method: op.method.toUpperCase(),
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return {
    op,
    res: await (HANDLERS[operationId] as Handler)(request, { params: Promise.resolve(opts.params ?? {}) }),
  };
}

/** Calls an operation, expects its documented success status, and checks the body against its schema. */
// biome-ignore lint/suspicious/noExplicitAny: the answer is read as arbitrary JSON once it matched its schema
async function ok(operationId: string, opts: CallOpts = {}): Promise<any> {
  const { op, res } = await raw(operationId, opts);
  const body = await res.json();
  expect({ operationId, status: res.status }, JSON.stringify(body)).toEqual({
    operationId,
    status: op.created ? 201 : 200,
  });
  expectDocumented(op, body);
  covered.add(operationId);
  return body;
}

function expectDocumented(op: ApiOperation, body: unknown) {
  const parsed = (op.response as z.ZodType).safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues, `${op.operationId} answers what its schema says`).toEqual(
    [],
  );
  // zod objects drop unknown keys: an undocumented field shows up as a difference here.
  expect(parsed.data, `${op.operationId} answers no undocumented field`).toEqual(body);
}

async function expectError(operationId: string, status: number, code: string, opts: CallOpts) {
  const { res } = await raw(operationId, opts);
  const body = await res.json();
  expect([res.status, body?.error?.code]).toEqual([status, code]);
  const parsed = ZApiError.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(parsed.data).toEqual(body);
  // ...and that status is one the document announces for this operation.
  const doc = (await openapiRoute.GET().json()) as Doc;
  const op = opById(operationId);
  expect(Object.keys(doc.paths[op.path]?.[op.method]?.responses ?? {})).toContain(String(status));
  return body as z.infer<typeof ZApiError>;
}

interface DocOperation {
  operationId: string;
  tags: string[];
  parameters: { name: string; in: string }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Doc {
  paths: Record<string, Record<string, DocOperation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
  security: unknown[];
}

const draft = (customerId: string) => ({
  customerId,
  lines: [
    {
      description: "Hébergement",
      quantity: "1",
      unitAmountMinor: 1290,
      taxRateBp: 2000,
      periodStart: "2026-03-01",
      periodEnd: "2026-04-01",
    },
    { description: "Installation", quantity: 2, unitAmountMinor: 5000, taxRateBp: 550 },
  ],
});

describe("REST API v1 contract", () => {
  let customerId = "";
  let products: Awaited<ReturnType<typeof makeProducts>>;
  let invoiceId = "";

  beforeAll(async () => {
    tk = (await createApiToken(getDb(), null, `contract-${Math.random()}`, new Date())).token;
    products = await makeProducts();
  });

  it("customers and sites answer as documented", async () => {
    const created = await ok("createCustomer", {
      body: { legalName: "Contrat SARL", billingEmail: "compta@contrat.example", taxId: "FR12345678901" },
    });
    customerId = created.id;
    await ok("createCustomerSite", {
      params: { customerId },
      body: { name: "Datacenter Nord", city: "Roubaix", country: "fr" },
    });
    await ok("listCustomerSites", { params: { customerId } });
    const one = await ok("getCustomer", { params: { customerId } });
    expect(one.sites).toHaveLength(1);
    expect((await ok("updateCustomer", { params: { customerId }, body: { city: "Lyon" } })).city).toBe(
      "Lyon",
    );
    const page = await ok("listCustomers", { query: "?search=Contrat&limit=5" });
    expect(page).toMatchObject({ object: "list", has_more: false });
    expect(page.data.map((c: { id: string }) => c.id)).toContain(customerId);
  });

  it("products, subscriptions and purchase orders answer as documented", async () => {
    const product = await ok("createProduct", {
      body: {
        code: `AUDIT-${Date.now()}`,
        kind: "ONE_OFF",
        name: "Audit",
        taxRateBp: 2000,
        prices: [{ cycle: null, currency: "EUR", unitAmountMinor: 15000 }],
      },
    });
    expect(product.prices).toEqual([{ cycle: null, currency: "EUR", unitAmountMinor: 15000 }]);
    expect((await ok("listProducts")).data.length).toBeGreaterThanOrEqual(3);
    const sub = await ok("createSubscription", {
      body: {
        customerId,
        productId: products.server.id,
        cycle: "MONTHLY",
        quantity: "1.5",
        startDate: "2026-03-01",
      },
    });
    expect(sub.history.length).toBeGreaterThanOrEqual(1);
    await ok("getSubscription", { params: { subscriptionId: sub.id } });
    const subTimeline = await ok("getSubscriptionTimeline", { params: { subscriptionId: sub.id } });
    expect(subTimeline.data.map((e: { kind: string }) => e.kind)).toEqual(["CREATED"]);
    expect((await ok("listSubscriptions", { query: `?customerId=${customerId}` })).data).toHaveLength(1);
    const order = await ok("createPurchaseOrder", {
      body: {
        customerId,
        lines: [{ productId: products.server.id, cycle: "MONTHLY" }, { productId: products.setup.id }],
      },
    });
    await ok("getPurchaseOrder", { params: { orderId: order.id } });
    expect((await ok("listPurchaseOrders", { query: `?customerId=${customerId}` })).data).toHaveLength(1);
  });

  it("invoices, payments and credit notes answer as documented, and the PDF is a PDF", async () => {
    const created = await ok("createInvoice", { body: draft(customerId) });
    invoiceId = created.id;
    expect(created.number).toBeNull();
    const issued = await ok("issueInvoice", { params: { invoiceId } });
    expect(issued.lines[0].period).toEqual({ start: "2026-03-01", end: "2026-04-01" });
    expect(issued.taxLines).toHaveLength(2);
    await ok("getInvoice", { params: { invoiceId } });
    await ok("createInvoiceCreditNote", {
      params: { invoiceId },
      body: { mode: "amount", reason: "Geste commercial", grossMinor: 500 },
    });
    const paid = await ok("createInvoicePayment", {
      params: { invoiceId },
      body: { amountMinor: 1000, method: "TRANSFER", reference: "VIR-1", receivedOn: "2026-03-05" },
    });
    expect(paid.payment).toMatchObject({ amountMinor: 1000, method: "TRANSFER" });
    expect((await ok("listInvoiceCreditNotes", { params: { invoiceId } })).data).toHaveLength(1);
    const timeline = await ok("getInvoiceTimeline", { params: { invoiceId } });
    expect(timeline.data.map((e: { kind: string }) => e.kind)).toEqual(["ISSUED", "CREDITED", "PAYMENT_RECORDED"]);
    expect((await ok("listInvoices", { query: `?customerId=${customerId}` })).data).toHaveLength(1);
    expect((await ok("listCreditNotes", { query: `?customerId=${customerId}` })).data).toHaveLength(1);

    const { res } = await raw("getInvoicePdf", { params: { invoiceId } });
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    covered.add("getInvoicePdf");
  });

  it("payments and refunds answer as documented: a refund writes its credit note, never more than the payment", async () => {
    const second = await ok("createInvoicePayment", {
      params: { invoiceId },
      body: { amountMinor: 1000, method: "CHEQUE", reference: "CHQ-2", receivedOn: "2026-03-06" },
    });
    const paymentId = second.payment.id;
    const refund = await ok("createRefund", { body: { paymentId, amountMinor: 300, reason: "Overpaid" } });
    expect(refund).toMatchObject({ paymentId, invoiceId, amountMinor: 300, status: "SUCCEEDED", provider: null });
    expect(refund.creditNoteNumber).toEqual(expect.any(String));
    await ok("createRefund", { body: { paymentId, amountMinor: 200, reason: "Overpaid again" } });
    const payment = await ok("getPayment", { params: { paymentId } });
    expect([payment.refundedMinor, payment.refunds.length, payment.checkoutId]).toEqual([500, 2, null]);
    expect((await ok("listPayments", { query: `?customerId=${customerId}` })).data).toHaveLength(2);
    expect((await ok("listRefunds", { query: `?customerId=${customerId}` })).data.map((r: { amountMinor: number }) => r.amountMinor)).toEqual([200, 300]);
    await expectError("createRefund", 422, "REFUND_EXCEEDS_PAYMENT", { body: { paymentId, amountMinor: 501, reason: "Too much" } });
    await expectError("createRefund", 404, "NOT_FOUND", { body: { paymentId: crypto.randomUUID(), amountMinor: 1, reason: "x" } });
    await expectError("getPayment", 404, "NOT_FOUND", { params: { paymentId: crypto.randomUUID() } });
    const bad = await expectError("createRefund", 400, "VALIDATION_FAILED", { body: { paymentId: "nope", amountMinor: -1, reason: "" } });
    expect(bad.error.issues?.map((i) => i.field).sort()).toEqual(["amountMinor", "paymentId", "reason"]);
    const nul = await expectError("createRefund", 400, "VALIDATION_FAILED", { body: { paymentId, amountMinor: 1, reason: "a\u0000b" } });
    expect(nul.error.issues?.map((i) => i.field)).toEqual(["reason"]);
  });

  it("support tickets, hour banks and time entries answer as documented", async () => {
    const owner = await makeCustomerUser(customerId, "OWNER");
    const tech = await makeStaff(["SUPPORT"]);
    const bankProduct = await db.product.create({
      data: { code: `BANK-${Date.now()}`, kind: "SUPPORT_HOUR_BANK", name: "Support hours", taxRateBp: 2000, prices: { create: [{ cycle: null, currency: "EUR", unitAmountMinor: 12000 }] }, hourBankTiers: { create: [{ currency: "EUR", fromHours: 1, rateMinor: 10000 }, { currency: "EUR", fromHours: 10, rateMinor: 9000 }] } },
    });
    const ticket = await ok("openTicket", { body: { customerId, requesterId: owner.id, urgency: "URGENT", subject: "Site down", body: "Our shop's site answers 502." } });
    expect(ticket).toMatchObject({ status: "OPEN", source: "STAFF", requesterEmail: owner.email, responseMet: null });
    expect(ticket.messages).toHaveLength(1);
    expect((await ok("getTicket", { params: { ticketId: ticket.id } })).reference).toBe(ticket.reference);
    expect((await ok("listTickets", { query: `?customerId=${customerId}&status=OPEN` })).data.map((t: { id: string }) => t.id)).toEqual([ticket.id]);

    const bank = await ok("buyHourBank", { body: { customerId, productId: bankProduct.id, hours: 10, purchaseKey: `contract-${ticket.id}` } });
    expect(bank).toMatchObject({ hours: 10, rateMinor: 9000, totalMinor: 90000, usedMinutes: 0, remainingMinutes: 600 });
    const again = await ok("buyHourBank", { body: { customerId, productId: bankProduct.id, hours: 10, purchaseKey: `contract-${ticket.id}` } });
    expect(again.id).toBe(bank.id);
    const entry = await ok("logTimeEntry", { body: { ticketId: ticket.id, workDate: "2026-03-02", actualMinutes: 40, channel: "PHONE", activity: "SUPPORT", technicianId: tech.id } });
    // Urgent by phone with a bank: 30-minute increments, 1 h minimum.
    expect(entry).toMatchObject({ chargedMinutes: 60, bankMinutes: 60, billableMinutes: 0, urgency: "URGENT", ticketReference: ticket.reference });
    expect((await ok("listTimeEntries", { query: `?ticketId=${ticket.id}` })).data.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    expect((await ok("listHourBanks", { query: `?customerId=${customerId}` })).data[0]).toMatchObject({ id: bank.id, usedMinutes: 60, remainingMinutes: 540 });
    expect((await ok("getTicket", { params: { ticketId: ticket.id } })).firstResponseAt).not.toBeNull();
    // A second of each, for the paging test below.
    await ok("openTicket", { body: { customerId, requesterEmail: "Caller@Example.com", urgency: "REGULAR", subject: "Invoice copy", body: "Called for a copy." } });
    await ok("buyHourBank", { body: { customerId, productId: bankProduct.id, hours: 1 } });
    await ok("logTimeEntry", { body: { ticketId: ticket.id, workDate: "2026-03-03", actualMinutes: 5, channel: "PHONE", activity: "TRAINING", technicianId: tech.id } });
  });

  it("answers every list as a documented Stripe page, first, next and previous", async () => {
    // At least two objects in each list, so that there is a second page of one.
    const staff = await makeStaff(["BILLING"]);
    await makeCustomer();
    await makeDraftInvoice({ customerId });
    await bulkInsertSubscriptions(getDb(), { customerIds: [customerId], count: 2, productId: products.server.id, from: "2026-03-01T08:00:00Z" });
    await bulkInsertPurchaseOrders(getDb(), { customerIds: [customerId], count: 2, prefix: `CT${Date.now()}`, from: "2026-03-01T08:00:00Z", productId: products.server.id, preparedById: staff.id });
    await bulkInsertCreditNotes(getDb(), { invoiceId, customerId, count: 2, prefix: `CTN${Date.now()}`, firstDay: "2026-03-02" });
    const doc = (await openapiRoute.GET().json()) as Doc;
    const lists = API_OPERATION_LIST.filter((op) => op.query && "starting_after" in op.query.shape);
    expect(lists.map((op) => op.operationId).sort()).toEqual(["listBillingRuns", "listCreditNotes", "listCustomers", "listHourBanks", "listInvoices", "listPayments", "listPurchaseOrders", "listRefunds", "listSubscriptions", "listTickets", "listTimeEntries"]);
    await getDb().$executeRaw`
      INSERT INTO billing_runs (id, as_of, dry_run, status, requested_by, created_at, finished_at)
      SELECT gen_random_uuid(), '2026-03-01'::date + g, true, 'SUCCEEDED', 'contract test', now() - g * interval '1 hour', now() FROM generate_series(1, 2) g`;
    for (const op of lists) {
      const documented = doc.paths[op.path]?.[op.method];
      const query = documented?.parameters.filter((p) => p.in === "query").map((p) => p.name) ?? [];
      expect(query, op.operationId).toEqual(expect.arrayContaining(["limit", "starting_after", "ending_before"]));
      expect(query.filter((name) => ["page", "perPage", "offset"].includes(name)), op.operationId).toEqual([]);
      const schema = doc.components.schemas[responseSchemaId(op.response as z.ZodType)] as { properties: Record<string, unknown>; required: string[] };
      expect([Object.keys(schema.properties).sort(), [...schema.required].sort()], op.operationId).toEqual([
        ["data", "has_more", "object"],
        ["data", "has_more", "object"],
      ]);
      const filter = op.operationId === "listCustomers" || op.operationId === "listBillingRuns" ? "" : `&customerId=${customerId}`;
      const first = await ok(op.operationId, { query: `?limit=1${filter}` });
      expect([first.data.length, first.has_more], op.operationId).toEqual([1, true]);
      const next = await ok(op.operationId, { query: `?limit=1${filter}&starting_after=${first.data[0].id}` });
      expect(next.data[0].id, op.operationId).not.toBe(first.data[0].id);
      const previous = await ok(op.operationId, { query: `?limit=1${filter}&ending_before=${next.data[0].id}` });
      expect(previous, op.operationId).toEqual({ ...first, has_more: false });
    }
  });

  it("starts a billing run (a dry run: it counts and changes nothing), shows it, and refuses a second one while it runs", async () => {
    await getDb().$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
    const today = new Date().toISOString().slice(0, 10);
    const run = await ok("startBillingRun", { body: { asOf: today, dryRun: true } });
    expect(run).toMatchObject({ status: "QUEUED", asOf: today, dryRun: true, counts: { invoicesCreated: 0 } });
    const second = await raw("startBillingRun", { body: { asOf: today, dryRun: true } });
    if (second.res.status !== 201) expect(await second.res.json()).toMatchObject({ error: { code: "BILLING_RUN_IN_PROGRESS" } });
    await expect.poll(async () => (await ok("getBillingRun", { params: { runId: run.id } })).status, { timeout: 30_000 }).toBe("SUCCEEDED");
    const future = await raw("startBillingRun", { body: { asOf: "2999-01-01" } });
    expect([future.res.status, (await future.res.json()).error.code]).toEqual([422, "AS_OF_IN_FUTURE"]);
    expect((await raw("getBillingRun", { params: { runId: "00000000-0000-4000-8000-000000000000" } })).res.status).toBe(404);
    const preview = await ok("previewBilling", { query: "?days=3" });
    expect(preview.days).toHaveLength(4);
    expect((await raw("previewBilling", { query: "?days=365" })).res.status).toBe(400);
    // Leave no run working in the background for the next test file.
    const active = () => getDb().billingRun.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
    await expect.poll(active, { timeout: 30_000 }).toBe(0);
  });

  it("called every operation of the document", () => {
    expect([...covered].sort()).toEqual(API_OPERATION_LIST.map((o) => o.operationId).sort());
  });

  it("documents each operation's answer with the component generated from its zod schema", async () => {
    const doc = (await openapiRoute.GET().json()) as Doc;
    const { schemas } = z.toJSONSchema(apiResponseRegistry, {
      io: "input",
      target: "draft-2020-12",
      uri: (id) => `#/components/schemas/${id}`,
    });
    const ids = API_OPERATION_LIST.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const op of API_OPERATION_LIST) {
      const documented = doc.paths[op.path]?.[op.method];
      expect(documented?.operationId).toBe(op.operationId);
      expect(documented?.tags).toEqual([op.tag]);
      const success = documented?.responses[op.created ? "201" : "200"];
      if (op.pdf) {
        expect(Object.keys(success?.content ?? {})).toEqual(["application/pdf"]);
        continue;
      }
      const id = apiResponseRegistry.get(op.response as z.ZodType)?.id ?? "";
      expect(success?.content?.["application/json"]?.schema).toEqual({ $ref: `#/components/schemas/${id}` });
      const { $schema: _s, $id: _i, ...expected } = schemas[id] ?? {};
      expect(doc.components.schemas[id], op.operationId).toEqual(JSON.parse(JSON.stringify(expected)));
      if (op.body) {
        expect(documented?.responses["415"]).toEqual({ $ref: "#/components/responses/UnsupportedMediaType" });
      }
    }
  });

  it("400: each field and its reason", async () => {
    const body = await expectError("createInvoice", 400, "VALIDATION_FAILED", {
      body: { customerId, lines: [{ description: "", quantity: "x", unitAmountMinor: 1, taxRateBp: 2000 }] },
    });
    expect(body.error.issues?.map((i) => i.field)).toEqual(
      expect.arrayContaining(["lines.0.description", "lines.0.quantity"]),
    );
  });

  it("404: an unknown id", async () => {
    await expectError("getInvoice", 404, "NOT_FOUND", { params: { invoiceId: crypto.randomUUID() } });
    await expectError("getSubscription", 404, "NOT_FOUND", { params: { subscriptionId: "not-a-uuid" } });
    await expectError("getInvoiceTimeline", 404, "NOT_FOUND", { params: { invoiceId: crypto.randomUUID() } });
    await expectError("getSubscriptionTimeline", 404, "NOT_FOUND", { params: { subscriptionId: crypto.randomUUID() } });
  });

  it("400: a timeline asked with a malformed id names the parameter", async () => {
    const body = await expectError("getInvoiceTimeline", 400, "VALIDATION_FAILED", { params: { invoiceId: "not-a-uuid" } });
    expect(body.error.issues?.map((i) => i.field)).toEqual(["invoiceId"]);
    await expectError("getSubscriptionTimeline", 400, "VALIDATION_FAILED", { params: { subscriptionId: "42" } });
  });

  it("415: a body not sent as JSON", async () => {
    await expectError("createCustomer", 415, "UNSUPPORTED_MEDIA_TYPE", {
      body: { legalName: "X", billingEmail: "x@example.com" },
      contentType: "text/plain",
    });
  });

  it("422: a business rule refuses it", async () => {
    await expectError("createInvoiceCreditNote", 422, "CREDIT_EXCEEDS_BALANCE", {
      params: { invoiceId },
      body: { mode: "amount", reason: "Trop", grossMinor: 10_000_000 },
    });
  });
});
