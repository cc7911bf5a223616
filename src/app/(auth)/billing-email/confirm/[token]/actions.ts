"use server";

import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZConfirmBillingEmailInput } from "@/contracts/self-service";
import { requestContext } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { confirmBillingEmailChange } from "@/server/self-service/confirm-billing-email-change";

/** Whoever holds the e-mailed link confirms it; the link itself is the proof (no session needed). */
export async function confirmBillingEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const { token } = ZConfirmBillingEmailInput.parse(formFields(form));
    const { billingEmail, companyName } = await confirmBillingEmailChange(getDb(), token, await requestContext(), new Date());
    return { status: "ok", values: { billingEmail, companyName } };
  } catch (e) {
    return toErrorState(e);
  }
}
