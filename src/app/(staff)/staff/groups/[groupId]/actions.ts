"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { portalRulesFromForm, ZPortalRulesInput, ZPublishTermsInput, ZRenameGroupForm } from "@/contracts/portal-rules";
import { requireStaff } from "@/server/auth/guards";
import { publishTermsVersion } from "@/server/customer-groups/publish-terms-version";
import { renameCustomerGroup } from "@/server/customer-groups/rename-customer-group";
import { setCustomerGroup } from "@/server/customer-groups/set-customer-group";
import { updatePortalRules } from "@/server/customer-groups/update-portal-rules";
import { getDb } from "@/server/db/client";

const ZGroupId = z.string().uuid();

export async function renameGroupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const fields = formFields(form);
    const groupId = ZGroupId.parse(fields.groupId);
    const { name } = ZRenameGroupForm.parse({ name: fields.name });
    await renameCustomerGroup(getDb(), staff, groupId, name, new Date());
    revalidatePath(`/staff/groups/${groupId}`);
    return { status: "ok", values: { name } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Saves the Portal tab; every problem lands on the input named by its path ("messages.terms.fr"). */
export async function savePortalRulesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const fields = formFields(form);
    const groupId = ZGroupId.parse(fields.groupId);
    const input = ZPortalRulesInput.parse(portalRulesFromForm(fields));
    await updatePortalRules(getDb(), staff, groupId, input, new Date());
    revalidatePath(`/staff/groups/${groupId}`);
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function publishTermsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const fields = formFields(form);
    const groupId = ZGroupId.parse(fields.groupId);
    const body = ZPublishTermsInput.parse({ en: fields["terms.en"] ?? "", fr: fields["terms.fr"] ?? "", es: fields["terms.es"] ?? "" });
    const { version } = await publishTermsVersion(getDb(), staff, groupId, body, new Date());
    revalidatePath(`/staff/groups/${groupId}`);
    return { status: "ok", values: { version: String(version) } };
  } catch (e) {
    const state = toErrorState(e, form);
    // The contract's paths are "en", "fr"…; the inputs are named "terms.en"…
    if (state.status === "error" && state.fields) state.fields = Object.fromEntries(Object.entries(state.fields).map(([k, v]) => [/^(en|fr|es)$/.test(k) ? `terms.${k}` : k, v]));
    return state;
  }
}

/** Adds a customer to the group (`customerId`) or, with `remove`, takes it out. */
export async function changeGroupMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const fields = formFields(form);
    const groupId = ZGroupId.parse(fields.groupId);
    const customerId = z.string().uuid().parse(fields.customerId);
    const input = fields.remove === "1" ? { customerId, groupId: null, fromGroupId: groupId } : { customerId, groupId };
    await setCustomerGroup(getDb(), staff, input, new Date());
    revalidatePath(`/staff/groups/${groupId}`);
    return { status: "ok", values: { customerId } };
  } catch (e) {
    return toErrorState(e);
  }
}
