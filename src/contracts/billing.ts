import { z } from "zod";
import { isCalendarDate } from "@/domain/billing/calendar-date";
import { SUPPORTED_CURRENCIES } from "@/domain/billing/money";

/** Input contracts of the ledger, shared by server actions, the REST API (and its OpenAPI document) and tests. */
export const ZCalendarDate = z.string().refine((v): boolean => isCalendarDate(v), { message: "must be a date as YYYY-MM-DD (years 0001-9999)", params: { code: "NOT_A_DATE" } });
export const ZCurrency = z.enum(SUPPORTED_CURRENCIES as [string, ...string[]]);
export const ZMinorUnits = z.number().int().min(-1e12).max(1e12);
export const ZQuantity = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(",", "."))
  .refine((v) => /^\d{1,9}(\.\d{1,3})?$/.test(v) && Number(v) > 0, { message: "must be a positive number with at most 3 decimals", params: { code: "NOT_A_QUANTITY" } });
export const ZTaxRateBp = z.number().int().min(0).max(10_000);

/** The largest line amount the ledger takes, in minor units (10 000 000 000.00 in a 2-decimal currency). */
export const MAX_LINE_MINOR = 1e12;
/** quantity x unit price must stay a ledger amount: beyond it the product is not an exact integer. */
const withinLineLimit = (quantity: string, unitAmountMinor: number | undefined) => unitAmountMinor === undefined || Number(quantity) * Math.abs(unitAmountMinor) <= MAX_LINE_MINOR;
const LINE_LIMIT = { path: ["unitAmountMinor"], message: "quantity × unit price is larger than the largest amount a line may have", params: { code: "AMOUNT_TOO_LARGE" } };

/**
 * A line's service period is both dates or neither, and ends after it starts. Shared by the API
 * contract and the back-office form, so a form shows these errors together with its own.
 */
export function checkPeriod(l: { periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx) {
  const start = l.periodStart || undefined;
  const end = l.periodEnd || undefined;
  if ((start === undefined) !== (end === undefined)) {
    ctx.addIssue({ code: "custom", path: [start ? "periodEnd" : "periodStart"], message: "a period needs both a start and an end", params: { code: "PERIOD_INCOMPLETE" } });
  } else if (start && end && end <= start) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "the period must end after it starts", params: { code: "PERIOD_END_BEFORE_START" } });
  }
}

export const ZInvoiceLineInput = z
  .strictObject({
    description: z.string().trim().min(1).max(500),
    productId: z.string().uuid().optional(),
    quantity: ZQuantity,
    unitAmountMinor: ZMinorUnits,
    taxRateBp: ZTaxRateBp,
    periodStart: ZCalendarDate.optional(),
    periodEnd: ZCalendarDate.optional(),
  })
  .superRefine(checkPeriod)
  .refine((l) => withinLineLimit(l.quantity, l.unitAmountMinor), LINE_LIMIT);

export const ZCreateDraftInvoiceInput = z.strictObject({
  customerId: z.string().uuid(),
  currency: ZCurrency.optional(),
  notes: z.string().max(2000).default(""),
  lines: z.array(ZInvoiceLineInput).min(1).max(200),
});

export const ZRecordPaymentInput = z.strictObject({
  amountMinor: z.number().int().positive().max(1e12),
  method: z.enum(["CARD", "BANK_DEBIT", "TRANSFER", "CHEQUE", "CASH"]),
  reference: z.string().trim().max(200).default(""),
  receivedOn: ZCalendarDate,
});

export const ZCreditNoteInput = z.union([
  z.strictObject({
    mode: z.literal("amount"),
    reason: z.string().trim().min(1).max(500),
    grossMinor: z.number().int().positive().max(1e12),
  }),
  z.strictObject({
    mode: z.literal("lines"),
    reason: z.string().trim().min(1).max(500),
    lines: z
      .array(z.strictObject({ invoiceLineId: z.string().uuid(), netMinor: z.number().int().positive().max(1e12).optional() }))
      .min(1)
      .max(200),
  }),
  z.strictObject({ mode: z.literal("full"), reason: z.string().trim().min(1).max(500) }),
]);

export type TInvoiceLineInput = z.infer<typeof ZInvoiceLineInput>;
export type TCreateDraftInvoiceInput = z.infer<typeof ZCreateDraftInvoiceInput>;
export type TRecordPaymentInput = z.infer<typeof ZRecordPaymentInput>;
export type TCreditNoteInput = z.infer<typeof ZCreditNoteInput>;

export const ZBillingCycle = z.enum(["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL", "BIENNIAL"]);

export const ZCreateSubscriptionInput = z.strictObject({
  customerId: z.string().uuid(),
  productId: z.string().uuid(),
  siteId: z.string().uuid().optional(),
  cycle: ZBillingCycle,
  quantity: ZQuantity.default("1"),
  /** Overrides the catalogue price for this customer. */
  unitAmountMinor: z.number().int().min(0).max(1e12).optional(),
  description: z.string().trim().min(1).max(500).optional(),
  startDate: ZCalendarDate,
});

export const ZPurchaseOrderLineInput = z
  .strictObject({
    productId: z.string().uuid(),
    cycle: ZBillingCycle.optional(),
    quantity: ZQuantity.default("1"),
    unitAmountMinor: z.number().int().min(0).max(1e12).optional(),
    description: z.string().trim().min(1).max(500).optional(),
  })
  .refine((l) => withinLineLimit(l.quantity, l.unitAmountMinor), LINE_LIMIT);

export const ZCreatePurchaseOrderInput = z.strictObject({
  customerId: z.string().uuid(),
  notes: z.string().max(2000).default(""),
  lines: z.array(ZPurchaseOrderLineInput).min(1).max(100),
});

/** The customer's answer to an order: declining says why (the reason is kept on the order for staff). */
export const ZDecidePurchaseOrderInput = z.discriminatedUnion("decision", [
  z.strictObject({ orderId: z.string().uuid(), decision: z.literal("accept") }),
  z.strictObject({ orderId: z.string().uuid(), decision: z.literal("decline"), reason: z.string().trim().min(1).max(1000) }),
]);

export type TCreateSubscriptionInput = z.infer<typeof ZCreateSubscriptionInput>;
export type TCreatePurchaseOrderInput = z.infer<typeof ZCreatePurchaseOrderInput>;

export const ZProductKind = z.enum(["DEDICATED_SERVER", "VIRTUAL_SERVER", "SHARED_HOSTING", "DOMAIN_NAME", "SSL_CERTIFICATE", "MAINTENANCE_CONTRACT", "SUPPORT_HOUR_BANK", "ONE_OFF"]);

export const ZCreateProductInput = z
  .strictObject({
    code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only"),
    kind: ZProductKind,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(""),
    taxRateBp: ZTaxRateBp,
    prices: z
      .array(z.strictObject({ cycle: ZBillingCycle.nullable(), currency: ZCurrency, unitAmountMinor: z.number().int().min(0).max(1e12) }))
      .min(1)
      .max(20),
  })
  .refine((p) => p.prices.every((pr) => (p.kind === "ONE_OFF") === (pr.cycle === null)), { path: ["prices"], message: "one-off products have prices without cycle; recurring ones need a cycle" })
  .refine((p) => new Set(p.prices.map((pr) => `${pr.cycle}-${pr.currency}`)).size === p.prices.length, { path: ["prices"], message: "one price per cycle and currency" });
export type TCreateProductInput = z.infer<typeof ZCreateProductInput>;
