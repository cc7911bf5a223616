"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreateProductInput } from "@/contracts/billing";
import { ZProductForm } from "@/contracts/billing-forms";
import { requireStaff } from "@/server/auth/guards";
import { addProduct } from "@/server/catalogue/add-product";
import { getDb } from "@/server/db/client";

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
