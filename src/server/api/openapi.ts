import { z } from "zod";
import { ZByCustomerQuery, ZCustomerListQuery, ZInvoiceApiListQuery } from "@/contracts/api";
import { ZCreateDraftInvoiceInput, ZCreateProductInput, ZCreatePurchaseOrderInput, ZCreateSubscriptionInput, ZCreditNoteInput, ZRecordPaymentInput } from "@/contracts/billing";
import { ZCreateCustomerInput, ZCreateSiteInput, ZUpdateCustomerInput } from "@/contracts/customers";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the very zod schemas the routes validate with,
 * so the documentation cannot drift from the behaviour.
 */
interface Operation {
  method: "get" | "post" | "patch";
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  created?: boolean;
  pdf?: boolean;
}

const OPERATIONS: Operation[] = [
  { method: "get", path: "/customers", summary: "List customers", query: ZCustomerListQuery },
  { method: "post", path: "/customers", summary: "Create a customer", body: ZCreateCustomerInput, created: true },
  { method: "get", path: "/customers/{customerId}", summary: "Get a customer with its sites" },
  { method: "patch", path: "/customers/{customerId}", summary: "Update a customer", body: ZUpdateCustomerInput },
  { method: "get", path: "/customers/{customerId}/sites", summary: "List a customer's sites" },
  { method: "post", path: "/customers/{customerId}/sites", summary: "Add a site", body: ZCreateSiteInput, created: true },
  { method: "get", path: "/products", summary: "List the catalogue with prices" },
  { method: "post", path: "/products", summary: "Add a product with its prices", body: ZCreateProductInput, created: true },
  { method: "get", path: "/subscriptions", summary: "List subscriptions", query: ZByCustomerQuery },
  { method: "post", path: "/subscriptions", summary: "Create a subscription", body: ZCreateSubscriptionInput, created: true },
  { method: "get", path: "/subscriptions/{subscriptionId}", summary: "Get a subscription with its status history" },
  { method: "get", path: "/purchase-orders", summary: "List purchase orders", query: ZByCustomerQuery },
  { method: "post", path: "/purchase-orders", summary: "Prepare a purchase order", body: ZCreatePurchaseOrderInput, created: true },
  { method: "get", path: "/purchase-orders/{orderId}", summary: "Get a purchase order" },
  { method: "get", path: "/invoices", summary: "List invoices", query: ZInvoiceApiListQuery },
  { method: "post", path: "/invoices", summary: "Create a draft invoice", body: ZCreateDraftInvoiceInput, created: true },
  { method: "get", path: "/invoices/{invoiceId}", summary: "Get an invoice with its lines (and their service periods), payments and credit notes" },
  { method: "post", path: "/invoices/{invoiceId}/issue", summary: "Issue a draft: number it and freeze it" },
  { method: "get", path: "/invoices/{invoiceId}/pdf", summary: "The invoice as PDF", pdf: true },
  { method: "get", path: "/invoices/{invoiceId}/credit-notes", summary: "Credit notes of an invoice" },
  { method: "post", path: "/invoices/{invoiceId}/credit-notes", summary: "Issue a credit note (full, by line or by amount)", body: ZCreditNoteInput, created: true },
  { method: "post", path: "/invoices/{invoiceId}/payments", summary: "Record a payment", body: ZRecordPaymentInput, created: true },
  { method: "get", path: "/credit-notes", summary: "List credit notes", query: ZByCustomerQuery },
];

const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
const ERROR = { $ref: "#/components/schemas/Error" };

function operation(op: Operation) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string", format: "uuid" } }));
  const queryParams = op.query
    ? Object.entries(op.query.shape).map(([name, s]) => ({ name, in: "query", required: false, schema: schemaOf(s as z.ZodType) }))
    : [];
  const headers = op.method === "post" ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : [];
  const ok = op.pdf
    ? { "200": { description: "PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } } }
    : { [op.created ? "201" : "200"]: { description: "OK", content: { "application/json": { schema: { type: "object" } } } } };
  return {
    summary: op.summary,
    parameters: [...pathParams, ...queryParams, ...headers],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body) } } } } : {}),
    responses: {
      ...ok,
      "400": { description: "Invalid request: `error.issues` lists each field and reason", content: { "application/json": { schema: ERROR } } },
      "401": { description: "Missing, unknown or revoked token", content: { "application/json": { schema: ERROR } } },
      "403": { description: "The token's owner may not use the billing API", content: { "application/json": { schema: ERROR } } },
      "404": { description: "Not found", content: { "application/json": { schema: ERROR } } },
      "409": { description: "Not possible in the current state, or the same Idempotency-Key is still running", content: { "application/json": { schema: ERROR } } },
      "422": { description: "A business rule refused it (e.g. CREDIT_EXCEEDS_BALANCE, IDEMPOTENCY_KEY_REUSED)", content: { "application/json": { schema: ERROR } } },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = operation(op);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Comptoir billing API", version: "1.0.0", description: "Staff API. Amounts are integer minor units; dates are YYYY-MM-DD; service periods are half-open [start, end)." },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A staff API token (npm run api-token -- --name NAME)" } },
      parameters: {
        IdempotencyKey: { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 }, description: "Same key and same body: the first answer is replayed and nothing is created twice." },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, issues: { type: "array", items: { type: "object", properties: { field: { type: "string" }, reason: { type: "string" } } } } },
            },
          },
        },
      },
    },
  };
}

export const API_OPERATIONS = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`);
