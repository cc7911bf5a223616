import { z } from "zod";
import { ZByCustomerQuery, ZCustomerListQuery, ZInvoiceApiListQuery } from "@/contracts/api";
import * as R from "@/contracts/api-responses";
import { ZCreateDraftInvoiceInput, ZCreateProductInput, ZCreatePurchaseOrderInput, ZCreateSubscriptionInput, ZCreditNoteInput, ZRecordPaymentInput } from "@/contracts/billing";
import { ZApiBillingPreviewQuery, ZBillingRunListQuery, ZStartBillingRunInput } from "@/contracts/billing-runs";
import { ZCreateCustomerInput, ZCreateSiteInput, ZUpdateCustomerInput } from "@/contracts/customers";
import { ZRefundPaymentInput } from "@/contracts/refunds";
import { ZApiBuyHourBankInput, ZApiLogTimeEntryInput, ZApiOpenTicketInput, ZHourBankApiListQuery, ZTicketApiListQuery, ZTimeEntryApiListQuery } from "@/contracts/api-support";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the very zod schemas the routes validate with
 * (requests) and answer with (responses, `src/contracts/api-responses.ts`), so the documentation
 * cannot drift from the behaviour. operationIds are part of the contract: generated clients name
 * their methods after them, so never rename one.
 */
type Tag = "Customers" | "Products" | "Subscriptions" | "Purchase orders" | "Invoices" | "Credit notes" | "Payments" | "Billing runs" | "Support";

export interface ApiOperation {
  operationId: string;
  method: "get" | "post" | "patch";
  path: string;
  tag: Tag;
  summary: string;
  description: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer's schema; absent for the PDF. */
  response?: z.ZodType;
  created?: boolean;
  pdf?: boolean;
}

const TAGS: Record<Tag, string> = {
  Customers: "Customer companies and their sites",
  Products: "The catalogue, with a price per billing cycle and currency",
  Subscriptions: "Recurring services and their status history",
  "Purchase orders": "Quotes the customer accepts or declines in the portal",
  Invoices: "Drafts, issued invoices, their payments and credit notes",
  "Credit notes": "Credit notes across all invoices",
  Payments: "Payments across all invoices, collected online or recorded by staff, and their refunds",
  "Billing runs": "The daily billing: renewal invoices, reminders, suspensions and terminations",
  Support: "Support tickets under SLA clocks, prepaid hour banks and the time logged against them",
};

const PAGED = "Paged with cursors: `limit` (1-100, default 25), then `starting_after` the last id you have for the next page or `ending_before` the first id for the previous one; `has_more` says whether more objects lie beyond. An id that names no object of this list is a 400.";

export const API_OPERATION_LIST: ApiOperation[] = [
  { operationId: "listCustomers", method: "get", path: "/customers", tag: "Customers", summary: "List customers", description: `Customers by legal name; \`search\` matches the legal name or billing e-mail. ${PAGED}`, query: ZCustomerListQuery, response: R.ZApiCustomerPage },
  { operationId: "createCustomer", method: "post", path: "/customers", tag: "Customers", summary: "Create a customer", description: "Creates a customer company; the answer is the customer with its (empty) list of sites.", body: ZCreateCustomerInput, response: R.ZApiCustomerWithSites, created: true },
  { operationId: "getCustomer", method: "get", path: "/customers/{customerId}", tag: "Customers", summary: "Get a customer with its sites", description: "One customer company and its sites, by name.", response: R.ZApiCustomerWithSites },
  { operationId: "updateCustomer", method: "patch", path: "/customers/{customerId}", tag: "Customers", summary: "Update a customer", description: "Changes only the fields the body names; answers the customer as it now is.", body: ZUpdateCustomerInput, response: R.ZApiCustomerWithSites },
  { operationId: "listCustomerSites", method: "get", path: "/customers/{customerId}/sites", tag: "Customers", summary: "List a customer's sites", description: "Every site of the customer, by name (not paged: a customer has few).", response: R.ZApiSiteList },
  { operationId: "createCustomerSite", method: "post", path: "/customers/{customerId}/sites", tag: "Customers", summary: "Add a site", description: "Adds a site where the customer's services run.", body: ZCreateSiteInput, response: R.ZApiSite, created: true },
  { operationId: "listProducts", method: "get", path: "/products", tag: "Products", summary: "List the catalogue with prices", description: "Every product, active or not, by kind and name, with its prices.", response: R.ZApiProductList },
  { operationId: "createProduct", method: "post", path: "/products", tag: "Products", summary: "Add a product with its prices", description: "One-off products have prices without a cycle; recurring ones one price per cycle and currency.", body: ZCreateProductInput, response: R.ZApiProduct, created: true },
  { operationId: "listSubscriptions", method: "get", path: "/subscriptions", tag: "Subscriptions", summary: "List subscriptions", description: `Subscriptions, newest first, optionally of one customer. ${PAGED}`, query: ZByCustomerQuery, response: R.ZApiSubscriptionPage },
  { operationId: "createSubscription", method: "post", path: "/subscriptions", tag: "Subscriptions", summary: "Create a subscription", description: "Starts a subscription at the catalogue price unless `unitAmountMinor` overrides it.", body: ZCreateSubscriptionInput, response: R.ZApiSubscriptionWithHistory, created: true },
  { operationId: "getSubscription", method: "get", path: "/subscriptions/{subscriptionId}", tag: "Subscriptions", summary: "Get a subscription with its status history", description: "One subscription and every status change, oldest first.", response: R.ZApiSubscriptionWithHistory },
  { operationId: "getSubscriptionTimeline", method: "get", path: "/subscriptions/{subscriptionId}/timeline", tag: "Subscriptions", summary: "Get a subscription's timeline", description: "Everything that happened to the subscription, oldest first: creation and status changes with their reasons, periods started, cycle changes, and the invoices that bill it (issued, reminded, paid, credited, voided). A malformed id is a 400.", response: R.ZApiTimeline },
  { operationId: "listPurchaseOrders", method: "get", path: "/purchase-orders", tag: "Purchase orders", summary: "List purchase orders", description: `Purchase orders with their lines, newest first, optionally of one customer. ${PAGED}`, query: ZByCustomerQuery, response: R.ZApiPurchaseOrderPage },
  { operationId: "createPurchaseOrder", method: "post", path: "/purchase-orders", tag: "Purchase orders", summary: "Prepare a purchase order", description: "Prepares a draft order; accepting it later creates its subscriptions and first invoice.", body: ZCreatePurchaseOrderInput, response: R.ZApiPurchaseOrder, created: true },
  { operationId: "getPurchaseOrder", method: "get", path: "/purchase-orders/{orderId}", tag: "Purchase orders", summary: "Get a purchase order", description: "One purchase order with its lines.", response: R.ZApiPurchaseOrder },
  { operationId: "listInvoices", method: "get", path: "/invoices", tag: "Invoices", summary: "List invoices", description: `Invoices, drafts first then newest issued, filtered by customer and status. ${PAGED}`, query: ZInvoiceApiListQuery, response: R.ZApiInvoicePage },
  { operationId: "createInvoice", method: "post", path: "/invoices", tag: "Invoices", summary: "Create a draft invoice", description: "Creates a draft (no number yet); lines may carry a service period.", body: ZCreateDraftInvoiceInput, response: R.ZApiInvoice, created: true },
  { operationId: "getInvoice", method: "get", path: "/invoices/{invoiceId}", tag: "Invoices", summary: "Get an invoice", description: "An invoice with its lines (and their service periods), tax per rate, payments and credit notes.", response: R.ZApiInvoice },
  { operationId: "getInvoiceTimeline", method: "get", path: "/invoices/{invoiceId}/timeline", tag: "Invoices", summary: "Get an invoice's timeline", description: "Everything that happened to the invoice, oldest first: issued, e-mailed, delivered to the mail server, opened, clicked, reminders, payments, credit notes, void, suspensions and reinstatements it caused, each with its cause. A malformed id is a 400.", response: R.ZApiTimeline },
  { operationId: "issueInvoice", method: "post", path: "/invoices/{invoiceId}/issue", tag: "Invoices", summary: "Issue a draft", description: "Numbers the draft and freezes it; 409 when it is no longer a draft.", response: R.ZApiInvoice },
  { operationId: "getInvoicePdf", method: "get", path: "/invoices/{invoiceId}/pdf", tag: "Invoices", summary: "Get the invoice as PDF", description: "The issued invoice rendered in the customer's language; a draft is not found.", pdf: true },
  { operationId: "listInvoiceCreditNotes", method: "get", path: "/invoices/{invoiceId}/credit-notes", tag: "Invoices", summary: "List the credit notes of an invoice", description: "Every credit note of the invoice, oldest first (not paged).", response: R.ZApiCreditNoteSummaryList },
  { operationId: "createInvoiceCreditNote", method: "post", path: "/invoices/{invoiceId}/credit-notes", tag: "Invoices", summary: "Issue a credit note", description: "Credits the whole invoice, some of its lines, or an amount; never more than its balance.", body: ZCreditNoteInput, response: R.ZApiCreditNote, created: true },
  { operationId: "createInvoicePayment", method: "post", path: "/invoices/{invoiceId}/payments", tag: "Invoices", summary: "Record a payment", description: "Records a payment received; never more than the balance. Answers the payment and the invoice after it.", body: ZRecordPaymentInput, response: R.ZApiPaymentRecorded, created: true },
  { operationId: "listBillingRuns", method: "get", path: "/billing-runs", tag: "Billing runs", summary: "List billing runs", description: `Runs newest first, with their counts. ${PAGED}`, query: ZBillingRunListQuery, response: R.ZApiBillingRunPage },
  { operationId: "startBillingRun", method: "post", path: "/billing-runs", tag: "Billing runs", summary: "Start a billing run", description: "Queues the billing of `asOf` (each customer's own day) and starts it; poll the run for its counts. One run at a time: 409 BILLING_RUN_IN_PROGRESS. A date after today is 422 AS_OF_IN_FUTURE unless the server runs with COMPTOIR_TEST_CLOCK=1. `dryRun` counts what would happen and changes nothing.", body: ZStartBillingRunInput, response: R.ZApiBillingRun, created: true },
  { operationId: "previewBilling", method: "get", path: "/billing-preview", tag: "Billing runs", summary: "Preview the coming days", description: "What billing runs from today to `days` days ahead would do if nobody paid meanwhile: renewal invoices, period starts, reminders, suspensions and terminations, per day and per customer. Changes nothing.", query: ZApiBillingPreviewQuery, response: R.ZApiBillingPreview },
  { operationId: "getBillingRun", method: "get", path: "/billing-runs/{runId}", tag: "Billing runs", summary: "Get a billing run", description: "A run's status, counts so far and the customers it could not bill.", response: R.ZApiBillingRun },
  { operationId: "listTickets", method: "get", path: "/tickets", tag: "Support", summary: "List support tickets", description: `Tickets newest first, optionally of one customer or one status. ${PAGED}`, query: ZTicketApiListQuery, response: R.ZApiTicketPage },
  { operationId: "openTicket", method: "post", path: "/tickets", tag: "Support", summary: "Open a support ticket", description: "Opens a ticket for a customer, as staff do for a phone call: the requester is one of the customer's portal users (`requesterId`) or an address (`requesterEmail`), exactly one. The response deadline is computed on the desk's business-hours calendar and the support staff are told. An unknown customer or requester is a 400 naming the field.", body: ZApiOpenTicketInput, response: R.ZApiTicketWithMessages, created: true },
  { operationId: "getTicket", method: "get", path: "/tickets/{ticketId}", tag: "Support", summary: "Get a ticket with its messages", description: "One ticket, its SLA clock and its messages, oldest first.", response: R.ZApiTicketWithMessages },
  { operationId: "listHourBanks", method: "get", path: "/hour-banks", tag: "Support", summary: "List hour banks", description: `Prepaid hour banks newest first, optionally of one customer, each with the minutes drawn from it and left. ${PAGED}`, query: ZHourBankApiListQuery, response: R.ZApiHourBankPage },
  { operationId: "buyHourBank", method: "post", path: "/hour-banks", tag: "Support", summary: "Sell a customer an hour bank", description: "Prices `hours` by the product's volume tiers in the customer's currency (422 HOUR_BANK_NO_TIERS when it has none), issues the invoice due in 30 days, e-mails it with its PDF, and opens the bank, in one transaction. The same `purchaseKey` (or Idempotency-Key header) again answers the first purchase.", body: ZApiBuyHourBankInput, response: R.ZApiHourBank, created: true },
  { operationId: "listTimeEntries", method: "get", path: "/time-entries", tag: "Support", summary: "List time entries", description: `Time logged by technicians, latest work first, optionally of one customer or one ticket, with what each was charged, drew from banks and left to bill. ${PAGED}`, query: ZTimeEntryApiListQuery, response: R.ZApiTimeEntryPage },
  { operationId: "logTimeEntry", method: "post", path: "/time-entries", tag: "Support", summary: "Log time on a ticket", description: "Charges the time by the desk's rules (rounded up to the increment, then the minimum; finer while the customer has hours in a bank), draws it from the customer's banks oldest first, leaves the rest for the next support invoice, tells the requester and, once per threshold, the primary contact. Training and change requests are never drawn from a bank. A work date after the customer's tomorrow is a 400.", body: ZApiLogTimeEntryInput, response: R.ZApiTimeEntry, created: true },
  { operationId: "listCreditNotes", method: "get", path: "/credit-notes", tag: "Credit notes", summary: "List credit notes", description: `Credit notes, newest first, optionally of one customer. ${PAGED}`, query: ZByCustomerQuery, response: R.ZApiCreditNotePage },
  { operationId: "listPayments", method: "get", path: "/payments", tag: "Payments", summary: "List payments", description: `Payments, newest received first, optionally of one customer. ${PAGED}`, query: ZByCustomerQuery, response: R.ZApiPaymentPage },
  { operationId: "getPayment", method: "get", path: "/payments/{paymentId}", tag: "Payments", summary: "Get a payment with its refunds", description: "One payment: how it was collected (`checkoutId` and `provider` for a payment made online), how much of it was refunded, and each refund.", response: R.ZApiPaymentDetail },
  { operationId: "listRefunds", method: "get", path: "/refunds", tag: "Payments", summary: "List refunds", description: `Refunds, newest first, optionally of one customer, including those made in the payment provider's dashboard. ${PAGED}`, query: ZByCustomerQuery, response: R.ZApiRefundPage },
  { operationId: "createRefund", method: "post", path: "/refunds", tag: "Payments", summary: "Refund a payment", description: "Refunds all or part of a payment: through the payment provider for a payment collected online, else recorded as refunded by transfer. The refund and its credit note (for exactly the amount: what was paid goes down, what was credited goes up, the invoice's balance and status stay) are written together. Never more than what is left of the payment: 422 REFUND_EXCEEDS_PAYMENT. Send an `Idempotency-Key`: it is also the refund's key at the provider, so a retried request refunds once.", body: ZRefundPaymentInput, response: R.ZApiRefund, created: true },
];

const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
const SCHEMA_URI = (id: string) => `#/components/schemas/${id}`;

/**
 * Response schemas, one component each, referring to each other by $ref. `io: "input"` because in
 * "output" mode zod closes every object (additionalProperties: false), which would make a client
 * validator reject an answer the day a field is added; the two modes are otherwise the same here
 * (no transforms, no defaults in response schemas).
 */
export function responseSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(R.apiResponseRegistry, { io: "input", target: "draft-2020-12", uri: SCHEMA_URI });
  // $schema and $id are the document's business, not each component's.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

/** The component id of a registered response schema. */
export const responseSchemaId = (s: z.ZodType) => {
  const id = R.apiResponseRegistry.get(s)?.id;
  if (!id) throw new Error("response schema not registered in apiResponseRegistry");
  return id;
};

const ref = (kind: "schemas" | "responses" | "parameters", id: string) => ({ $ref: `#/components/${kind}/${id}` });
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("schemas", "Error") } } });
const ERROR_RESPONSES = {
  BadRequest: errorResponse("Invalid request (VALIDATION_FAILED with `error.issues` naming each field and reason, or MALFORMED_JSON)"),
  Unauthorized: errorResponse("Missing, unknown or revoked token (UNAUTHENTICATED)"),
  Forbidden: errorResponse("The token's owner may no longer use the billing API (FORBIDDEN)"),
  NotFound: errorResponse("Not found (NOT_FOUND), including a malformed id"),
  Conflict: errorResponse("Not possible in the current state (e.g. INVOICE_NOT_DRAFT), or the same Idempotency-Key is still running"),
  UnsupportedMediaType: errorResponse("The body was not sent as `Content-Type: application/json` (UNSUPPORTED_MEDIA_TYPE)"),
  Unprocessable: errorResponse("A business rule refused it (e.g. CREDIT_EXCEEDS_BALANCE, IDEMPOTENCY_KEY_REUSED)"),
  InternalError: errorResponse("An unexpected failure (INTERNAL); the message never carries details, the server log does"),
};

function errorResponses(op: ApiOperation) {
  if (op.pdf) return { "401": ref("responses", "Unauthorized"), "403": ref("responses", "Forbidden"), "404": ref("responses", "NotFound") };
  const writes = op.method !== "get";
  return {
    "400": ref("responses", "BadRequest"),
    "401": ref("responses", "Unauthorized"),
    "403": ref("responses", "Forbidden"),
    // A list without path parameters finds nothing to miss; a write may name a missing customer or product.
    ...(op.path.includes("{") || writes ? { "404": ref("responses", "NotFound") } : {}),
    ...(writes ? { "409": ref("responses", "Conflict") } : {}),
    ...(op.body ? { "415": ref("responses", "UnsupportedMediaType") } : {}),
    ...(writes ? { "422": ref("responses", "Unprocessable") } : {}),
    "500": ref("responses", "InternalError"),
  };
}

const QUERY_DESCRIPTIONS: Record<string, string> = {
  limit: "How many objects to return, 1-100 (default 25)",
  starting_after: "Cursor: the id of the last object of the page you have; returns the objects after it",
  ending_before: "Cursor: the id of the first object of the page you have; returns the objects before it",
  search: "Part of the legal name or billing e-mail, any case",
  customerId: "Only this customer's",
  status: "Only invoices in this status",
};

function operation(op: ApiOperation) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, description: "The resource's id", schema: { type: "string", format: "uuid" } }));
  const queryParams = op.query
    ? Object.entries(op.query.shape).map(([name, s]) => {
        const schema = schemaOf(s as z.ZodType);
        const { $schema: _s, description, ...rest } = schema;
        return { name, in: "query", required: false, description: description ?? QUERY_DESCRIPTIONS[name] ?? name, schema: rest };
      })
    : [];
  const headers = op.method === "post" ? [ref("parameters", "IdempotencyKey")] : [];
  const ok = op.pdf
    ? { "200": { description: "The PDF (Cache-Control: no-store)", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } } }
    : { [op.created ? "201" : "200"]: { description: op.created ? "Created" : "OK", content: { "application/json": { schema: ref("schemas", responseSchemaId(op.response as z.ZodType)) } } } };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: op.description,
    parameters: [...pathParams, ...queryParams, ...headers],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body) } } } } : {}),
    responses: { ...ok, ...errorResponses(op) },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATION_LIST) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = operation(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Comptoir billing API",
      version: "1.0.0",
      description: "Staff API. Amounts are integer minor units; dates are YYYY-MM-DD; service periods are half-open [start, end). Bodies are JSON (`Content-Type: application/json`, else 415).",
      license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
    },
    servers: [{ url: `${serverUrl}/api/v1`, description: "This Comptoir instance" }],
    security: [{ bearer: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A staff API token (npm run api-token -- --name NAME)" } },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          schema: { type: "string", minLength: 1, maxLength: 200 },
          description: "Same key and same body: the first answer is replayed and nothing is created twice. Same key, other body: 422 IDEMPOTENCY_KEY_REUSED.",
        },
      },
      responses: ERROR_RESPONSES,
      schemas: responseSchemas(),
    },
  };
}

export const API_OPERATIONS = API_OPERATION_LIST.map((o) => `${o.method.toUpperCase()} ${o.path}`);
