"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/app/_lib/action-state";
import { toErrorState } from "@/app/_lib/action-state";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { reconcilePayments } from "@/server/payments/reconcile-payments";

/** "Run now": the daily reconciliation, at once (it is idempotent: a lost success is settled once). */
export async function runReconciliationAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  await requireStaff("BILLING");
  try {
    const db = getDb();
    const { counts, findings } = await reconcilePayments(db, activePaymentProvider(db), new Date());
    revalidatePath("/staff/payments/reconciliation");
    return { status: "ok", values: { settled: String(counts.settled), findings: String(findings.length) } };
  } catch (e) {
    return toErrorState(e);
  }
}
