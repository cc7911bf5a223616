"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZManualStatusForm } from "@/contracts/billing-forms";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { changeSubscriptionStatusByHand } from "@/server/subscriptions/change-status-by-hand";

/** Changes a service's status by hand, with the reason; the use-case refuses unless the group allows it. */
export async function changeStatusByHandAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZManualStatusForm.parse(formFields(form));
    const { status } = await changeSubscriptionStatusByHand(getDb(), staff, input.subscriptionId, input.event, input.reason, new Date());
    revalidatePath(`/staff/subscriptions/${input.subscriptionId}`);
    return { status: "ok", values: { status } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
