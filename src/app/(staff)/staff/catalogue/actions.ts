"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreateProductInput, ZProductKind } from "@/contracts/billing";
import { parseMoney } from "@/domain/billing/money";
import { requireStaff } from "@/server/auth/guards";
import { addProduct } from "@/server/catalogue/add-product";
import { getDb } from "@/server/db/client";

/** The quick form: a monthly and/or yearly price (or one price for one-off items) in one currency. */
const ZProductForm = z
  .strictObject({
    code: z.string(),
    kind: ZProductKind,
    name: z.string(),
    taxRatePercent: z.string().trim().regex(/^\d{1,3}([.,]\d{1,2})?$/),
    currency: z.string().default("EUR"),
    monthly: z.string().trim().optional(),
    annual: z.string().trim().optional(),
  })
  .transform((f) => {
    const price = (text: string | undefined, cycle: "MONTHLY" | "ANNUAL" | null) =>
      text ? [{ cycle, currency: f.currency, unitAmountMinor: parseMoney(text, f.currency).amountMinor }] : [];
    const prices = f.kind === "ONE_OFF" ? price(f.monthly, null) : [...price(f.monthly, "MONTHLY"), ...price(f.annual, "ANNUAL")];
    return { code: f.code, kind: f.kind, name: f.name, taxRateBp: Math.round(Number(f.taxRatePercent.replace(",", ".")) * 100), prices };
  });

export async function addProductAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZCreateProductInput.parse(ZProductForm.parse(formFields(form)));
    await addProduct(getDb(), staff, input, new Date());
    revalidatePath("/staff/catalogue");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e);
  }
}
