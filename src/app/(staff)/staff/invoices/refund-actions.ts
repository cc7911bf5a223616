"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZRefundForm } from "@/contracts/refunds";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { refundPayment } from "@/server/payments/refund-payment";
import { findRefundView } from "@/server/payments/refund-list";

/** Staff (BILLING) refund part or all of a payment from the invoice page; says what it did. */
export async function refundPaymentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { input, requestKey } = ZRefundForm.parse(formFields(form));
    const db = getDb();
    const refund = await refundPayment(db, activePaymentProvider(db), staff, input, `form:${requestKey}`, new Date());
    const view = await findRefundView(db, refund.id);
    if (view) revalidatePath(`/staff/invoices/${view.invoiceId}`);
    return {
      status: "ok",
      values: { status: refund.status, amountMinor: String(refund.amountMinor), creditNoteNumber: view?.creditNoteNumber ?? "" },
    };
  } catch (e) {
    return toErrorState(e, form);
  }
}
