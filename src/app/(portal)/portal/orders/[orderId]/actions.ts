"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZDecidePurchaseOrderInput } from "@/contracts/billing";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { acceptPurchaseOrder, declinePurchaseOrder } from "@/server/orders/decide-purchase-order";

/**
 * The customer answers an order; the use-case checks the order belongs to their company. Accepting
 * hands back the first invoice so the form can say what happened and link to it.
 */
export async function decidePurchaseOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZDecidePurchaseOrderInput.parse(formFields(form));
    const actor = { id: user.id, email: user.email, customerId: user.customerId };
    if (input.decision === "decline") {
      await declinePurchaseOrder(getDb(), actor, input.orderId, input.reason, new Date());
      revalidatePath(`/portal/orders/${input.orderId}`);
      return { status: "ok", values: { decision: "decline" } };
    }
    const { invoiceId, invoiceNumber } = await acceptPurchaseOrder(getDb(), actor, input.orderId, new Date());
    revalidatePath(`/portal/orders/${input.orderId}`);
    return { status: "ok", values: { decision: "accept", invoiceId, invoiceNumber } };
  } catch (e) {
    return toErrorState(e);
  }
}
