"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZApproveAccessRequestForm, ZRejectAccessRequestForm } from "@/contracts/access-requests";
import { approveAccessRequest } from "@/server/access-requests/approve-access-request";
import { rejectAccessRequest } from "@/server/access-requests/reject-access-request";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";

/** Approves a submitted request: the representative is invited (the confirmation named who and where). */
export async function approveAccessRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { id } = ZApproveAccessRequestForm.parse(formFields(form));
    const { customerId } = await approveAccessRequest(getDb(), staff, id, await requestContext(), new Date());
    revalidatePath(`/staff/access-requests/${id}`);
    revalidatePath("/staff/access-requests");
    return { status: "ok", values: { decision: "approved", customerId } };
  } catch (e) {
    // The approval form has no field: a refusal about the e-mail (already has an account) is said in words.
    const state = toErrorState(e);
    return state.status === "error" ? { status: "error", code: state.code } : state;
  }
}

/** Rejects a submitted request with a reason, e-mailed to the representative. */
export async function rejectAccessRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { id, reason } = ZRejectAccessRequestForm.parse(formFields(form));
    await rejectAccessRequest(getDb(), staff, id, reason, await requestContext(), new Date());
    revalidatePath(`/staff/access-requests/${id}`);
    revalidatePath("/staff/access-requests");
    return { status: "ok", values: { decision: "rejected" } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
