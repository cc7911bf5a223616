"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/app/_lib/action-state";
import { toErrorState } from "@/app/_lib/action-state";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { chargeDueRenewalsNow } from "@/server/payments/charge-due-renewals-now";
import { activePaymentProvider } from "@/server/payments/payment-providers";

/** "Charge due renewals now": today's autopay at once (idempotent: each attempt is charged once). */
export async function chargeDueRenewalsAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  await requireStaff("BILLING");
  try {
    const db = getDb();
    const result = await chargeDueRenewalsNow(db, activePaymentProvider(db), new Date());
    revalidatePath("/staff/payments/autopay");
    return { status: "ok", values: { charged: String(result.charged), failed: String(result.failedCalls) } };
  } catch (e) {
    return toErrorState(e);
  }
}
