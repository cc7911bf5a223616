import { z } from "zod";
import { parseMoney } from "@/domain/billing/money";
import { checkPeriod, ZCalendarDate, ZCurrency, ZProductKind, ZQuantity } from "./billing";

/**
 * What the back-office forms send: amounts as typed by people ("12,50"), tax as a percentage ("5.5").
 * These schemas turn them into the API contracts' minor units and basis points.
 */
const ZPercent = z
  .string()
  .trim()
  .transform((v) => v.replace(",", "."))
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100, { message: "must be a percentage", params: { code: "NOT_A_PERCENTAGE" } })
  .transform((v) => Math.round(Number(v) * 100));

/**
 * An amount typed by a person, in minor units of `currency`, or an issue on `path` (and undefined):
 * a typo is a message next to that field, not an error for the whole form.
 */
function moneyAt(text: string | undefined, currency: string, ctx: z.RefinementCtx, path: (string | number)[]): number | undefined {
  try {
    return parseMoney(text ?? "", currency).amountMinor;
  } catch {
    ctx.addIssue({ code: "custom", path, message: "must be an amount such as 12.50", params: { code: "NOT_AN_AMOUNT" } });
    return undefined;
  }
}

const ZFormLine = z.strictObject({
  description: z.string().trim().min(1).max(500),
  quantity: ZQuantity,
  // Checked here too (not only when converted below), so it is reported with the line's other errors.
  unitPrice: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .refine((v) => /^-?\d+(?:[.,]\d+)?$/.test(v.replace(/[\s\u00a0\u202f]/g, "")), { message: "must be an amount such as 12.50", params: { code: "NOT_AN_AMOUNT" } }),
  taxRatePercent: ZPercent,
  periodStart: z.union([ZCalendarDate, z.literal("")]).optional(),
  periodEnd: z.union([ZCalendarDate, z.literal("")]).optional(),
}).superRefine(checkPeriod);

export const ZDraftInvoiceForm = z
  .strictObject({
    customerId: z.string().uuid(),
    currency: ZCurrency,
    notes: z.string().max(2000).default(""),
    lines: z
      .string()
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "lines must be JSON" });
          return z.NEVER;
        }
      })
      .pipe(z.array(ZFormLine).min(1).max(200)),
  })
  .transform((f, ctx) => ({
    customerId: f.customerId,
    currency: f.currency,
    notes: f.notes,
    lines: f.lines.map((l, i) => ({
      description: l.description,
      quantity: l.quantity,
      unitAmountMinor: moneyAt(l.unitPrice, f.currency, ctx, ["lines", i, "unitPrice"]) ?? 0,
      taxRateBp: l.taxRatePercent,
      // A half-filled period is kept as it is, so the contract names the missing end.
      ...(l.periodStart ? { periodStart: l.periodStart } : {}),
      ...(l.periodEnd ? { periodEnd: l.periodEnd } : {}),
    })),
  }));

export const ZPaymentForm = z
  .strictObject({
    currency: ZCurrency,
    amount: z.string().trim().min(1).max(20),
    method: z.enum(["CARD", "BANK_DEBIT", "TRANSFER", "CHEQUE", "CASH"]),
    reference: z.string().trim().max(200).default(""),
    receivedOn: ZCalendarDate,
  })
  .transform((f, ctx) => ({ amountMinor: moneyAt(f.amount, f.currency, ctx, ["amount"]) ?? 0, method: f.method, reference: f.reference, receivedOn: f.receivedOn }));

export const ZCreditNoteForm = z
  .strictObject({
    currency: ZCurrency,
    mode: z.enum(["full", "amount", "lines"]),
    reason: z.string().trim().min(1).max(500),
    amount: z.string().trim().max(20).optional(),
    invoiceLineId: z.string().uuid().optional().or(z.literal("")),
    lineAmount: z.string().trim().max(20).optional(),
  })
  .transform((f, ctx) => {
    if (f.mode === "amount") return { mode: "amount" as const, reason: f.reason, grossMinor: moneyAt(f.amount, f.currency, ctx, ["amount"]) ?? 0 };
    if (f.mode === "lines") {
      const netMinor = f.lineAmount ? moneyAt(f.lineAmount, f.currency, ctx, ["lineAmount"]) : undefined;
      return { mode: "lines" as const, reason: f.reason, lines: [{ invoiceLineId: f.invoiceLineId ?? "", ...(netMinor ? { netMinor } : {}) }] };
    }
    return { mode: "full" as const, reason: f.reason };
  });

/** A price as typed ("12,50"), or nothing; checked with the other fields, so all their problems show at once. */
const ZPriceText = z
  .string()
  .trim()
  .max(20)
  .refine((v) => v === "" || /^\d+(?:[.,]\d+)?$/.test(v.replace(/[\s\u00a0\u202f]/g, "")), { message: "must be an amount such as 12.50", params: { code: "NOT_AN_AMOUNT" } })
  .default("");

/**
 * The catalogue's quick form: code, name, kind, tax rate and a monthly and/or yearly price
 * (a one-off item has one price, typed in the first price field) in one currency. Every field's
 * problem is reported at once, next to that field.
 */
export const ZProductForm = z
  .strictObject({
    code: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .refine((v) => /^[A-Za-z0-9_-]+$/.test(v), { message: "letters, digits, - and _ only", params: { code: "NOT_A_PRODUCT_CODE" } }),
    kind: ZProductKind,
    name: z.string().trim().min(1).max(200),
    taxRatePercent: ZPercent,
    currency: ZCurrency.default("EUR"),
    monthly: ZPriceText,
    annual: ZPriceText,
  })
  .transform((f, ctx) => {
    const oneOff = f.kind === "ONE_OFF";
    if (!f.monthly && (oneOff || !f.annual)) ctx.addIssue({ code: "custom", path: ["monthly"], message: "a product needs a price", params: { code: "PRICE_REQUIRED" } });
    if (oneOff && f.annual) ctx.addIssue({ code: "custom", path: ["annual"], message: "a one-off item has no billing cycle", params: { code: "ONE_OFF_HAS_NO_CYCLE" } });
    const price = (field: "monthly" | "annual", cycle: "MONTHLY" | "ANNUAL" | null) => {
      if (!f[field]) return [];
      const minor = moneyAt(f[field], f.currency, ctx, [field]); // too many decimals for the currency
      return minor === undefined ? [] : [{ cycle, currency: f.currency, unitAmountMinor: minor }];
    };
    const prices = oneOff ? price("monthly", null) : [...price("monthly", "MONTHLY"), ...price("annual", "ANNUAL")];
    return { code: f.code, kind: f.kind, name: f.name, taxRateBp: f.taxRatePercent, prices };
  });

/** A service's status changed by hand (only where the customer's group allows it): what, and why. */
export const ZManualStatusForm = z.object({
  subscriptionId: z.string().uuid(),
  event: z.enum(["suspend", "reinstate", "terminate", "cancel"]),
  reason: z.string().trim().min(1).max(500),
});
