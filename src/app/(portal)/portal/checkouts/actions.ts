"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZDemoAuthForm, ZDemoPayForm, ZPayInvoicesForm } from "@/contracts/payment-forms";
import { ZStartCheckoutInput } from "@/contracts/payments";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { activePaymentProvider, activeProviderInfo } from "@/server/payments/payment-providers";
import { answerDemoAuthentication, payWithDemoForm } from "@/server/payments/pay-with-demo-form";
import { startCheckout } from "@/server/payments/start-checkout";

/**
 * "Pay" / "Pay all due": the checkout for those invoices (the same one on a double click: its key is
 * what is paid), then its payment page.
 */
export async function startCheckoutAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  let payUrl: string;
  try {
    const { invoiceIds } = ZPayInvoicesForm.parse(formFields(form));
    const input = ZStartCheckoutInput.parse({ invoiceIds });
    const db = getDb();
    const actor = { id: user.id, email: user.email, customerId: user.customerId };
    const view = await startCheckout(db, activePaymentProvider(db), actor, input, new Date(), {
      publishableKey: activeProviderInfo().publishableKey,
    });
    payUrl = view.payUrl;
  } catch (e) {
    return toErrorState(e);
  }
  redirect(payUrl);
}

/** The demo payment form. Card numbers travel no further than the use-case and are never sent back. */
export async function payWithDemoAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  const fields = formFields(form);
  try {
    const input = ZDemoPayForm.parse(fields);
    const db = getDb();
    const actor = { id: user.id, email: user.email, customerId: user.customerId };
    const intent = await payWithDemoForm(db, activePaymentProvider(db), actor, input, new Date());
    revalidatePath(`/portal/checkouts/${input.checkoutId}`);
    return { status: "ok", values: { status: intent.status } };
  } catch (e) {
    const state = toErrorState(e);
    // What was typed comes back, except the number and the CVC.
    return state.status === "error"
      ? {
          ...state,
          values: {
            kind: fields.kind ?? "",
            expiry: fields.expiry ?? "",
            saveMethod: fields.saveMethod ?? "",
          },
        }
      : state;
  }
}

/** The demo 3-D Secure step: Approve or Fail. */
export async function authenticateDemoAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZDemoAuthForm.parse(formFields(form));
    const db = getDb();
    const actor = { id: user.id, email: user.email, customerId: user.customerId };
    const intent = await answerDemoAuthentication(
      db,
      activePaymentProvider(db),
      actor,
      { checkoutId: input.checkoutId, approve: input.decision === "approve" },
      new Date(),
    );
    revalidatePath(`/portal/checkouts/${input.checkoutId}`);
    return { status: "ok", values: { status: intent.status } };
  } catch (e) {
    return toErrorState(e);
  }
}
