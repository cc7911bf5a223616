"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreateSubscriptionInput } from "@/contracts/billing";
import { ZCreateCustomerInput, ZCreateSiteInput, ZUpdateCustomerInput } from "@/contracts/customers";
import { requireStaff } from "@/server/auth/guards";
import { createCustomer, createSite, updateCustomer } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { createSubscription } from "@/server/subscriptions/create-subscription";

const NULLABLE = new Set(["taxId", "groupId"]);

/**
 * Form fields as the contracts expect them. Creating: an empty field means "not given" (its default
 * applies). Editing: every field on the form is sent, so emptying one clears it.
 */
function present(form: FormData, { drop = [], editing = false }: { drop?: string[]; editing?: boolean } = {}): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(formFields(form))) {
    if (drop.includes(k)) continue;
    if (NULLABLE.has(k)) out[k] = v.trim() || null;
    else if (editing || v.trim() !== "") out[k] = v;
  }
  return out;
}
const customerIdOf = (form: FormData) => z.string().uuid().parse(form.get("customerId"));

export async function createCustomerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let customerId: string;
  try {
    ({ customerId } = await createCustomer(getDb(), staff, ZCreateCustomerInput.parse(present(form)), new Date()));
  } catch (e) {
    return toErrorState(e, form);
  }
  redirect(`/staff/customers/${customerId}`);
}

export async function updateCustomerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const customerId = customerIdOf(form);
    await updateCustomer(getDb(), staff, customerId, ZUpdateCustomerInput.parse(present(form, { drop: ["customerId", "currency"], editing: true })), new Date());
    revalidatePath(`/staff/customers/${customerId}`);
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function createSiteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const customerId = customerIdOf(form);
    const input = ZCreateSiteInput.parse(present(form, { drop: ["customerId"] }));
    await createSite(getDb(), staff, customerId, input, new Date());
    revalidatePath(`/staff/customers/${customerId}`);
    return { status: "ok", values: { name: input.name } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function createSubscriptionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZCreateSubscriptionInput.parse(present(form));
    await createSubscription(getDb(), staff, input, new Date());
    revalidatePath(`/staff/customers/${input.customerId}`);
    return { status: "ok", values: { productId: input.productId } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
