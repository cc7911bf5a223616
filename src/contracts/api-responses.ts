import { z } from "zod";
import { ZBillingCycle, ZProductKind } from "./billing";
import {
  address,
  all,
  named,
  page,
  ZBuyer,
  ZCurrencyCode,
  ZDate,
  ZDecimalQuantity,
  ZId,
  ZInvoiceStatus,
  ZMinor,
  ZPeriod,
  ZRateBp,
  ZSubscriptionStatus,
  ZTaxLine,
  ZTimestamp,
} from "./api-response-parts";

export { type ApiBody, apiResponseRegistry, type Wire } from "./api-response-parts";
// Billing runs, previews and timelines; online payments and refunds: their own files, one registry.
export * from "./api-responses-automation";
export * from "./api-responses-payments";
export * from "./api-responses-support";

/** The body of every answer of /api/v1, one registered schema per OpenAPI component (see api-response-parts.ts). */
export const ZApiSite = named(
  z.object({ id: ZId, customerId: ZId, name: z.string(), ...address, createdAt: ZTimestamp }),
  "Site",
  "A place where a customer's services run",
);

export const ZApiCustomer = named(
  z.object({
    id: ZId,
    legalName: z.string(),
    billingEmail: z.string(),
    ...address,
    taxId: z.string().nullable(),
    currency: ZCurrencyCode,
    locale: z.string(),
    timeZone: z.string(),
    groupId: ZId.nullable(),
    createdAt: ZTimestamp,
  }),
  "Customer",
  "A customer company",
);
export const ZApiCustomerWithSites = named(
  ZApiCustomer.extend({ sites: z.array(ZApiSite) }),
  "CustomerWithSites",
  "A customer company with its sites",
);

export const ZApiProduct = named(
  z.object({
    id: ZId,
    code: z.string(),
    kind: ZProductKind,
    name: z.string(),
    description: z.string(),
    taxRateBp: ZRateBp,
    active: z.boolean(),
    createdAt: ZTimestamp,
    prices: z.array(
      z.object({
        cycle: ZBillingCycle.nullable().describe("null for a one-off product"),
        currency: ZCurrencyCode,
        unitAmountMinor: ZMinor,
      }),
    ),
  }),
  "Product",
  "A catalogue product with its price per billing cycle and currency",
);

export const ZApiSubscription = named(
  z.object({
    id: ZId,
    customerId: ZId,
    siteId: ZId.nullable(),
    productId: ZId,
    description: z.string(),
    quantity: ZDecimalQuantity,
    unitAmountMinor: ZMinor,
    currency: ZCurrencyCode,
    taxRateBp: ZRateBp,
    cycle: ZBillingCycle,
    status: ZSubscriptionStatus,
    currentPeriod: ZPeriod,
    nextRenewalDate: ZDate,
    createdAt: ZTimestamp,
  }),
  "Subscription",
  "A recurring service billed every cycle",
);
export const ZApiSubscriptionWithHistory = named(
  ZApiSubscription.extend({
    history: z.array(
      z.object({
        from: ZSubscriptionStatus.nullable().describe("null when the subscription was created"),
        to: ZSubscriptionStatus,
        reason: z.string(),
        at: ZTimestamp,
      }),
    ),
  }),
  "SubscriptionWithHistory",
  "A subscription with every status change, oldest first",
);

export const ZApiPurchaseOrder = named(
  z.object({
    id: ZId,
    number: z.string(),
    status: z.enum(["DRAFT", "SENT", "ACCEPTED", "DECLINED", "CANCELLED"]),
    currency: ZCurrencyCode,
    notes: z.string(),
    customerId: ZId,
    customerName: z.string(),
    createdAt: ZTimestamp,
    sentAt: ZTimestamp.nullable().describe("When staff sent the order to the customer"),
    validityDays: z.number().int().describe("Days the customer has to accept once the order is sent"),
    validUntil: ZDate.nullable().describe("The last day the customer may accept, in their time zone (null until sent)"),
    decidedAt: ZTimestamp.nullable(),
    declineReason: z.string().nullable().describe("Why the customer declined the order"),
    invoiceId: ZId.nullable().describe("The first invoice, once the customer accepted the order"),
    invoiceNumber: z.string().nullable().describe("The number of that first invoice"),
    totalNetMinor: ZMinor,
    taxLines: z.array(ZTaxLine).describe("Tax per rate, computed on each rate's summed net"),
    totalTaxMinor: ZMinor,
    totalGrossMinor: ZMinor,
    lines: z.array(
      z.object({
        id: ZId,
        description: z.string(),
        quantity: ZDecimalQuantity,
        unitAmountMinor: ZMinor,
        taxRateBp: ZRateBp,
        cycle: ZBillingCycle.nullable(),
        netMinor: ZMinor,
      }),
    ),
  }),
  "PurchaseOrder",
  "A quote the customer accepts or declines in the portal",
);

export const ZApiPayment = named(
  z.object({
    id: ZId,
    amountMinor: ZMinor,
    method: z.enum(["CARD", "BANK_DEBIT", "TRANSFER", "CHEQUE", "CASH"]),
    reference: z.string(),
    receivedOn: ZDate,
  }),
  "Payment",
  "A payment received against an invoice",
);
export const ZApiCreditNoteSummary = named(
  z.object({ id: ZId, number: z.string(), issueDate: ZDate, grossMinor: ZMinor, reason: z.string() }),
  "CreditNoteSummary",
  "A credit note as listed on its invoice",
);

export const ZApiInvoiceListItem = named(
  z.object({
    id: ZId,
    number: z.string().nullable().describe("null while the invoice is a draft"),
    status: ZInvoiceStatus,
    customerId: ZId,
    customerName: z.string(),
    currency: ZCurrencyCode,
    issueDate: ZDate.nullable(),
    dueDate: ZDate.nullable(),
    grossMinor: ZMinor,
    balanceMinor: ZMinor,
  }),
  "InvoiceListItem",
  "An invoice as listed",
);

export const ZApiInvoice = named(
  z.object({
    id: ZId,
    number: z.string().nullable().describe("null while the invoice is a draft"),
    status: ZInvoiceStatus,
    currency: ZCurrencyCode,
    customer: z.object({ id: ZId, legalName: z.string(), locale: z.string() }),
    buyer: ZBuyer,
    issueDate: ZDate.nullable(),
    dueDate: ZDate.nullable(),
    netMinor: ZMinor,
    taxMinor: ZMinor,
    grossMinor: ZMinor,
    paidMinor: ZMinor,
    creditedMinor: ZMinor,
    balanceMinor: ZMinor,
    notes: z.string(),
    purchaseOrderNumber: z.string().nullable().describe("the purchase order this invoice was issued from, if any"),
    lines: z.array(
      z.object({
        id: ZId,
        position: z.number().int(),
        description: z.string(),
        quantity: ZDecimalQuantity,
        unitAmountMinor: ZMinor,
        netMinor: ZMinor,
        taxRateBp: ZRateBp,
        period: ZPeriod.nullable().describe(
          "The service period billed by this line; null for a one-off line",
        ),
      }),
    ),
    taxLines: z.array(ZTaxLine).describe("Tax per rate (EN 16931 BR-CO-17)"),
    payments: z.array(ZApiPayment),
    creditNotes: z.array(ZApiCreditNoteSummary),
  }),
  "Invoice",
  "An invoice with its lines (and their service periods), tax per rate, payments and credit notes",
);

export const ZApiCreditNoteListItem = named(
  z.object({
    id: ZId,
    number: z.string(),
    issueDate: ZDate,
    currency: ZCurrencyCode,
    grossMinor: ZMinor,
    reason: z.string(),
    invoice: z.object({ id: ZId, number: z.string().nullable() }),
    customerId: ZId,
    customerName: z.string(),
  }),
  "CreditNoteListItem",
  "A credit note as listed",
);
export const ZApiCreditNote = named(
  ZApiCreditNoteListItem.extend({
    netMinor: ZMinor,
    taxMinor: ZMinor,
    customerLocale: z.string(),
    buyer: ZBuyer,
    lines: z.array(
      z.object({
        id: ZId,
        description: z.string(),
        netMinor: ZMinor,
        taxRateBp: ZRateBp,
        period: ZPeriod.nullable(),
      }),
    ),
    taxLines: z.array(ZTaxLine),
  }),
  "CreditNote",
  "A credit note with its lines and tax per rate",
);

export const ZApiPaymentRecorded = named(
  z.object({ payment: ZApiPayment, invoice: ZApiInvoice }),
  "PaymentRecorded",
  "The payment just recorded and its invoice after it",
);

export const ZApiError = named(
  z.object({
    error: z.object({
      code: z
        .string()
        .describe(
          "Stable machine code: VALIDATION_FAILED, NOT_FOUND, UNSUPPORTED_MEDIA_TYPE, CREDIT_EXCEEDS_BALANCE…",
        ),
      message: z.string().describe("For people; may change"),
      issues: z
        .array(
          z.object({
            field: z.string().describe("Dotted path, e.g. lines.0.quantity, or (body)"),
            reason: z.string(),
          }),
        )
        .optional(),
    }),
  }),
  "Error",
  "Every error answer",
);

export const ZApiCustomerPage = page(ZApiCustomer, "CustomerPage", "customers, by legal name");
export const ZApiSubscriptionPage = page(ZApiSubscription, "SubscriptionPage", "subscriptions, newest first");
export const ZApiPurchaseOrderPage = page(
  ZApiPurchaseOrder,
  "PurchaseOrderPage",
  "purchase orders, newest first",
);
export const ZApiInvoicePage = page(
  ZApiInvoiceListItem,
  "InvoicePage",
  "invoices, drafts first then newest issued",
);
export const ZApiCreditNotePage = page(
  ZApiCreditNoteListItem,
  "CreditNotePage",
  "credit notes, newest first",
);
export const ZApiSiteList = all(ZApiSite, "SiteList", "sites of a customer, by name");
export const ZApiProductList = all(ZApiProduct, "ProductList", "products, active or not, by kind and name");
export const ZApiCreditNoteSummaryList = all(
  ZApiCreditNoteSummary,
  "CreditNoteSummaryList",
  "credit notes of an invoice, oldest first",
);
