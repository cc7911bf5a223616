"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreateProductInput } from "@/contracts/billing";
import { ZProductForm } from "@/contracts/billing-forms";
import { ZHourBankTiersForm } from "@/contracts/support-banks";
import { requireStaff } from "@/server/auth/guards";
import { addProduct } from "@/server/catalogue/add-product";
import { getDb } from "@/server/db/client";
import { setHourBankTiers } from "@/server/support/banks/set-hour-bank-tiers";

export async function addProductAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZCreateProductInput.parse(ZProductForm.parse(formFields(form)));
    await addProduct(getDb(), staff, input, new Date());
    revalidatePath("/staff/catalogue");
    return { status: "ok", values: { code: input.code, name: input.name } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Billing staff set an hour-bank product's volume tiers in one currency (all rows at once). */
export async function saveHourBankTiersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZHourBankTiersForm.parse(formFields(form));
    await setHourBankTiers(getDb(), staff, input, new Date());
    revalidatePath(`/staff/catalogue/${input.productId}`);
    return { status: "ok", values: { currency: input.currency } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
