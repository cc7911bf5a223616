"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZUpdateSupportSettingsInput } from "@/contracts/support-settings";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { updateSupportSettings } from "@/server/support/update-support-settings";

/** Settings → Support desk. On error the typed values travel back so the form keeps them. */
export async function saveSupportSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("ADMIN");
  const values = formFields(form);
  try {
    await updateSupportSettings(getDb(), staff, ZUpdateSupportSettingsInput.parse(values), await requestContext(), new Date());
  } catch (e) {
    const state = toErrorState(e);
    return state.status === "error" ? { ...state, values } : state;
  }
  revalidatePath("/staff/settings/support");
  return { status: "ok", values };
}
