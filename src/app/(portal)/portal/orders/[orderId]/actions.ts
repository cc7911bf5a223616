"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, toErrorState } from "@/app/_lib/action-state";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { acceptPurchaseOrder, declinePurchaseOrder } from "@/server/orders/decide-purchase-order";

const ZDecision = z.strictObject({ orderId: z.string().uuid(), decision: z.enum(["accept", "decline"]) });

/** The customer answers an order; the use-case checks the order belongs to their company. */
export async function decidePurchaseOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZDecision.parse({ orderId: form.get("orderId"), decision: form.get("decision") });
    const actor = { id: user.id, email: user.email, customerId: user.customerId };
    revalidatePath(`/portal/orders/${input.orderId}`);
    if (input.decision === "decline") {
      await declinePurchaseOrder(getDb(), actor, input.orderId, new Date());
      return { status: "ok" };
    }
    await acceptPurchaseOrder(getDb(), actor, input.orderId, new Date());
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e);
  }
}
