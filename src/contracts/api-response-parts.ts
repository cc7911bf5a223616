import { z } from "zod";

/**
 * What /api/v1 answers, as zod schemas: the OpenAPI document is generated from them and the contract
 * test parses every real answer with them, so neither the document nor a route can drift alone.
 * They describe the JSON on the wire (a timestamp is an ISO string there, a Date in the handler).
 * Plain `z.object` (not strict) so the document lets clients ignore fields added later; the contract
 * test still refuses an undocumented field by comparing the parsed answer with the raw one.
 */
export const apiResponseRegistry = z.registry<{ id: string; description?: string }>();
export const named = <S extends z.ZodType>(schema: S, id: string, description: string): S => {
  apiResponseRegistry.add(schema, { id, description });
  return schema;
};

// The brand lets `Wire<T>` below accept the Date a handler holds where the wire has its ISO string.
export const ZTimestamp = z.iso.datetime().brand<"Timestamp">().describe("An instant, ISO 8601 in UTC");
export const ZDate = z.iso.date().describe("A calendar date, YYYY-MM-DD");
export const ZMinor = z.number().int().describe("An amount in minor units of the currency (cents)");
export const ZCurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe("ISO 4217 code");
export const ZRateBp = z.number().int().min(0).describe("A tax rate in basis points (2000 = 20 %)");
export const ZDecimalQuantity = z
  .string()
  .regex(/^\d+(\.\d{1,3})?$/)
  .describe("A quantity with up to three decimals, as a string");
export const ZId = z.uuid();
export const ZPeriod = z
  .object({ start: ZDate, end: ZDate })
  .describe("A half-open service period [start, end)");
export const ZSubscriptionStatus = z.enum(["ACTIVE", "SUSPENDED", "TERMINATED", "CANCELLED"]);
export const ZInvoiceStatus = z.enum(["DRAFT", "OPEN", "PAID", "VOID"]);
export const ZBuyer = z
  .object({
    name: z.string(),
    addressLines: z.array(z.string()),
    taxId: z.string().nullable(),
    email: z.string().nullable(),
  })
  .nullable()
  .describe("The buyer as frozen on the invoice when it was issued; null on a draft");
export const ZTaxLine = z.object({ taxRateBp: ZRateBp, netMinor: ZMinor, taxMinor: ZMinor });

export const address = {
  addressLine1: z.string(),
  addressLine2: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string().length(2),
};

/** A page of a list (Stripe's shape): `data` in list order, `has_more` when more lie beyond it. */
export const page = <S extends z.ZodType>(item: S, id: string, what: string) =>
  named(
    z.object({
      object: z.literal("list"),
      data: z.array(item),
      has_more: z.boolean(),
    }),
    id,
    `A page of ${what}`,
  );
/** A whole (short) list, not paged. */
export const all = <S extends z.ZodType>(item: S, id: string, what: string) =>
  named(z.object({ data: z.array(item) }), id, `All ${what}`);

/**
 * What a handler may pass for a body of schema S: the schema's output type, except that a timestamp
 * may still be the Date that Response.json turns into the ISO string. A renamed, missing or
 * mistyped field is then a compile error in the route.
 */
type Timestamp = z.infer<typeof ZTimestamp>;
export type Wire<T> = T extends Timestamp
  ? Date | string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
export type ApiBody<S extends z.ZodType> = Wire<z.output<S>>;
