"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZUpdateCompanySettingsInput } from "@/contracts/company-settings";
import { LOGO_MAX_BYTES } from "@/domain/settings/logo-image";
import { isDomainError } from "@/domain/shared/domain-error";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { updateCompanySettings } from "@/server/settings/update-company-settings";

const logoError = { status: "error", code: "INVALID_LOGO", fields: { logo: "INVALID_LOGO" } } as const satisfies ActionState;

/**
 * Settings → Company. The text fields go through the contract; the logo is a file part, read only
 * when it is not oversized (its type is checked from its bytes by the use-case). On error the typed
 * values travel back so the form does not lose them.
 */
export async function saveCompanySettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("ADMIN");
  const values = formFields(form);
  try {
    const input = ZUpdateCompanySettingsInput.parse(values);
    const file = form.get("logo");
    let upload: Uint8Array | null = null;
    if (file instanceof File && file.size > 0) {
      if (file.size > LOGO_MAX_BYTES) return { ...logoError, values };
      upload = new Uint8Array(await file.arrayBuffer());
    }
    await updateCompanySettings(getDb(), staff, input, upload, await requestContext(), new Date());
  } catch (e) {
    if (isDomainError(e) && e.code === "INVALID_LOGO") return { ...logoError, values };
    const state = toErrorState(e);
    return state.status === "error" ? { ...state, values } : state;
  }
  revalidatePath("/", "layout"); // the header logo and every page that shows the provider
  return { status: "ok", values };
}
