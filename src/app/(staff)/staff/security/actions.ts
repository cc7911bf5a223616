"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZSecondFactorCodeInput } from "@/contracts/auth";
import { confirmTotpEnrolment } from "@/server/auth/confirm-totp-enrolment";
import { disableTotp } from "@/server/auth/disable-totp";
import { requestContext, requireStaffSession, SECURITY_PAGE } from "@/server/auth/guards";
import { regenerateRecoveryCodes } from "@/server/auth/regenerate-recovery-codes";
import { startTotpEnrolment } from "@/server/auth/start-totp-enrolment";
import { getDb } from "@/server/db/client";

// Every staff member manages their own second factor here, admins included before they have one
// (hence requireStaffSession rather than requireStaff). Each use-case acts on the caller only.

export async function startTotpEnrolmentAction(): Promise<void> {
  const staff = await requireStaffSession();
  await startTotpEnrolment(getDb(), staff.id, await requestContext(), new Date());
  revalidatePath(SECURITY_PAGE);
}

/** Recovery codes come back once, in this answer; the page is not refreshed so they stay on screen. */
export async function confirmTotpEnrolmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaffSession();
  try {
    const { code } = ZSecondFactorCodeInput.parse(formFields(form));
    const { recoveryCodes } = await confirmTotpEnrolment(getDb(), staff.id, code, await requestContext(), new Date());
    return { status: "ok", values: { codes: recoveryCodes.join(" ") } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function regenerateRecoveryCodesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaffSession();
  try {
    const { code } = ZSecondFactorCodeInput.parse(formFields(form));
    const { recoveryCodes } = await regenerateRecoveryCodes(getDb(), staff.id, code, await requestContext(), new Date());
    return { status: "ok", values: { codes: recoveryCodes.join(" ") } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function disableTotpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaffSession();
  try {
    const { code } = ZSecondFactorCodeInput.parse(formFields(form));
    await disableTotp(getDb(), staff.id, code, await requestContext(), new Date());
  } catch (e) {
    return toErrorState(e);
  }
  // The form disappears with the feature: the page itself says it is off.
  redirect(`${SECURITY_PAGE}?turnedOff=1`);
}
