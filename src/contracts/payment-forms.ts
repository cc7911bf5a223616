import { z } from "zod";

/**
 * The portal's payment forms (issue 16), parsed from FormData by the server actions. They reach the
 * use-cases' contracts of `payments.ts`; whose checkout, invoice or method it is, the use-case checks.
 */
const uuidList = z
  .string()
  .trim()
  .min(1)
  .max(100 * 37)
  .transform((v) => v.split(",").map((s) => s.trim()));

/** "Pay" on one invoice or "Pay all due" for one currency: the invoice ids, comma-separated. */
export const ZPayInvoicesForm = z.strictObject({ invoiceIds: uuidList });

/** Stripe's test cards take any expiry to come and any CVC: the demo checks the shape only. */
const expiry = z
  .string()
  .trim()
  .refine((v) => /^(0[1-9]|1[0-2]) ?\/ ?\d{2}$/.test(v), {
    message: "MM/YY",
    params: { code: "NOT_AN_EXPIRY" },
  });
const cvc = z
  .string()
  .trim()
  .refine((v) => /^\d{3,4}$/.test(v), { message: "3 or 4 digits", params: { code: "NOT_A_CVC" } });
const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

/** The demo form: a card (number, expiry, CVC) or a bank account (IBAN only), never stored. */
const withDemoMethod = <T extends z.ZodRawShape>(base: T) =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      ...base,
      kind: z.literal("card"),
      number: z.string().trim().min(1).max(40),
      expiry,
      cvc,
    }),
    z.strictObject({ ...base, kind: z.literal("bank"), number: z.string().trim().min(1).max(40) }),
  ]);

export const ZDemoPayForm = withDemoMethod({ checkoutId: z.string().uuid(), saveMethod: checkbox });
export type TDemoPayForm = z.infer<typeof ZDemoPayForm>;

/** The demo's 3-D Secure step: the cardholder approves or refuses. */
export const ZDemoAuthForm = z.strictObject({
  checkoutId: z.string().uuid(),
  decision: z.enum(["approve", "fail"]),
});

/** Saving a method without paying: the setup the page created, confirmed with the demo form. */
export const ZDemoSetupForm = withDemoMethod({
  setupId: z.string().min(1).max(100),
  clientSecret: z.string().min(1).max(200),
});
export type TDemoSetupForm = z.infer<typeof ZDemoSetupForm>;

/** A 3-D Secure answer while saving a method. */
export const ZDemoSetupAuthForm = z.strictObject({
  setupId: z.string().min(1).max(100),
  clientSecret: z.string().min(1).max(200),
  decision: z.enum(["approve", "fail"]),
});
