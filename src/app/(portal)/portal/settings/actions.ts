"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { reissueOwnSession } from "@/app/_lib/reissue-session";
import { ZChangePasswordInput, ZRequestBillingEmailChangeInput, ZUpdateCompanyInfoInput, ZUpdateProfileInput } from "@/contracts/self-service";
import { isLocale } from "@/domain/i18n/locales";
import { requestContext, requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { changePassword } from "@/server/self-service/change-password";
import { requestBillingEmailChange } from "@/server/self-service/request-billing-email-change";
import { updateCompanyInfo } from "@/server/self-service/update-company-info";
import { updateProfile } from "@/server/self-service/update-profile";

const SETTINGS = "/portal/settings";
const readerLocale = async () => {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "en";
};

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    await updateProfile(getDb(), user, ZUpdateProfileInput.parse(formFields(form)), await requestContext(), new Date());
    revalidatePath(SETTINGS);
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** The password changes and every other session ends; this browser's session is re-issued and stays. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const { sessionVersion } = await changePassword(getDb(), user, ZChangePasswordInput.parse(formFields(form)), await requestContext(), new Date());
    const kept = await reissueOwnSession(user.id, sessionVersion);
    return { status: "ok", values: { kept: kept ? "1" : "0" } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function requestBillingEmailChangeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZRequestBillingEmailChangeInput.parse(formFields(form));
    const { pendingBillingEmail } = await requestBillingEmailChange(getDb(), user, input, user.locale, await requestContext(), new Date());
    revalidatePath(SETTINGS);
    return { status: "ok", values: { pendingBillingEmail } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function updateCompanyInfoAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZUpdateCompanyInfoInput.parse(formFields(form));
    const { message } = await updateCompanyInfo(getDb(), user, input, await readerLocale(), await requestContext(), new Date());
    revalidatePath(SETTINGS);
    return { status: "ok", values: message ? { message } : {} };
  } catch (e) {
    return toErrorState(e, form);
  }
}
