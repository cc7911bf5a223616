"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreateCustomerGroupForm, ZDunningPolicyForm } from "@/contracts/dunning-policy";
import { requireStaff } from "@/server/auth/guards";
import { createCustomerGroup } from "@/server/customer-groups/create-customer-group";
import { updateGroupBillingSettings } from "@/server/customer-groups/update-group-billing";
import { getDb } from "@/server/db/client";

export async function createCustomerGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let groupId: string;
  try {
    ({ groupId } = await createCustomerGroup(getDb(), staff, ZCreateCustomerGroupForm.parse(formFields(form)).name, new Date()));
  } catch (e) {
    return toErrorState(e, form);
  }
  redirect(`/staff/groups/${groupId}`);
}

/**
 * The form has one reminders field: a problem with the 2nd reminder ("policy.reminderDaysBeforeDue.1")
 * is that field's; the policy's other fields drop their "policy." prefix.
 */
function onFormFields(state: ActionState): ActionState {
  if (state.status !== "error" || !state.fields) return state;
  const fields: Record<string, string> = {};
  for (const [path, code] of Object.entries(state.fields)) {
    const field = path.replace(/^policy\./, "").replace(/^reminderDaysBeforeDue\.\d+$/, "reminderDaysBeforeDue");
    fields[field] ??= code;
  }
  return { ...state, fields };
}

/** Saves the group's Billing tab. Only an administrator's form carries the manual-status switch. */
export async function saveGroupBillingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  const isAdmin = staff.staffRoles.includes("ADMIN");
  try {
    const groupId = z.string().uuid().parse(form.get("groupId"));
    const { policy, manualStatusChanges } = ZDunningPolicyForm.parse(formFields(form));
    await updateGroupBillingSettings(getDb(), { ...staff, mayAllowManualStatus: isAdmin }, groupId, { policy, manualStatusChanges: isAdmin ? manualStatusChanges : undefined }, new Date());
    revalidatePath(`/staff/groups/${groupId}`);
    return { status: "ok", values: undefined };
  } catch (e) {
    return onFormFields(toErrorState(e, form));
  }
}
