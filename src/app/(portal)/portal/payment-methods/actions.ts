"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZDemoSetupAuthForm, ZDemoSetupForm } from "@/contracts/payment-forms";
import { ZPaymentMethodRef } from "@/contracts/payments";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { answerDemoSetupAuthentication, saveMethodWithDemoForm } from "@/server/payments/pay-with-demo-form";
import { removePaymentMethod } from "@/server/payments/remove-payment-method";
import { setDefaultPaymentMethod } from "@/server/payments/set-default-payment-method";

const PAGE = "/portal/payment-methods";

/** Make default: autopay charges this one from now on (another company's method is not found). */
export async function setDefaultMethodAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZPaymentMethodRef.parse(formFields(form));
    await setDefaultPaymentMethod(
      getDb(),
      { id: user.id, email: user.email, customerId: user.customerId },
      input,
      new Date(),
    );
    revalidatePath(PAGE);
    return { status: "ok", values: { done: "default" } };
  } catch (e) {
    return toErrorState(e);
  }
}

/** Remove, once confirmed: detached at the provider, so it can no longer be charged. */
export async function removeMethodAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZPaymentMethodRef.parse(formFields(form));
    const db = getDb();
    await removePaymentMethod(
      db,
      activePaymentProvider(db),
      { id: user.id, email: user.email, customerId: user.customerId },
      input,
      new Date(),
    );
    revalidatePath(PAGE);
    return { status: "ok", values: { done: "removed" } };
  } catch (e) {
    return toErrorState(e);
  }
}

/** "Add a payment method" with the demo form: the setup the page created, confirmed with a test number. */
export async function saveDemoMethodAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  const fields = formFields(form);
  const echo = { kind: fields.kind ?? "", expiry: fields.expiry ?? "" }; // never the number or the CVC
  let status: string;
  try {
    const input = ZDemoSetupForm.parse(fields);
    const db = getDb();
    const intent = await saveMethodWithDemoForm(
      db,
      activePaymentProvider(db),
      { id: user.id, email: user.email, customerId: user.customerId },
      input,
      new Date(),
    );
    status = intent.status;
  } catch (e) {
    const state = toErrorState(e);
    return state.status === "error" ? { ...state, values: echo } : state;
  }
  if (status === "FAILED") return { status: "error", code: "PAYMENT_DECLINED", values: echo };
  if (status !== "SUCCEEDED") return { status: "ok", values: { status } };
  revalidatePath(PAGE);
  redirect(`${PAGE}?saved=1`);
}

/** The demo 3-D Secure step while saving a method. */
export async function authenticateDemoSetupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZDemoSetupAuthForm.parse(formFields(form));
    const db = getDb();
    const intent = await answerDemoSetupAuthentication(
      db,
      activePaymentProvider(db),
      { id: user.id, email: user.email, customerId: user.customerId },
      { setupId: input.setupId, clientSecret: input.clientSecret, approve: input.decision === "approve" },
      new Date(),
    );
    if (intent.status !== "SUCCEEDED") return { status: "error", code: "AUTHENTICATION_REFUSED" };
  } catch (e) {
    return toErrorState(e);
  }
  revalidatePath(PAGE);
  redirect(`${PAGE}?saved=1`);
}
