"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreatePurchaseOrderInput } from "@/contracts/billing";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { sendPurchaseOrder } from "@/server/orders/send-purchase-order";

/** The order form posts its lines as JSON (products, cycles and quantities chosen in the browser). */
const ZOrderForm = z.strictObject({
  customerId: z.string().uuid(),
  notes: z.string().max(2000).default(""),
  lines: z.string().transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "lines must be JSON" });
      return z.NEVER;
    }
  }),
});

export async function createPurchaseOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let orderId: string;
  try {
    const input = ZCreatePurchaseOrderInput.parse(ZOrderForm.parse(formFields(form)));
    ({ orderId } = await createPurchaseOrder(getDb(), staff, input, new Date()));
  } catch (e) {
    return toErrorState(e);
  }
  redirect(`/staff/orders/${orderId}`);
}

export async function sendPurchaseOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { orderId } = z.object({ orderId: z.string().uuid() }).parse({ orderId: form.get("orderId") });
    await sendPurchaseOrder(getDb(), staff, orderId, new Date());
    revalidatePath(`/staff/orders/${orderId}`);
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e);
  }
}
