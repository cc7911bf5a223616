"use server";

import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZAcceptInvitationInput, ZRequestPasswordResetInput, ZResetPasswordInput } from "@/contracts/auth";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { resetPassword } from "@/server/auth/reset-password";
import { requestContext } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { acceptInvitation } from "@/server/invitations/accept-invitation";

// These actions serve signed-out visitors by design: the single-use token (or nothing at all, for
// "forgot password") is the credential, and each use-case checks it.

export async function acceptInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const input = ZAcceptInvitationInput.parse(formFields(form));
    const { email } = await acceptInvitation(getDb(), input, await requestContext(), new Date());
    return { status: "ok", values: { email } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function requestPasswordResetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const input = ZRequestPasswordResetInput.parse(formFields(form));
    await requestPasswordReset(getDb(), input.email, await requestContext(), new Date());
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const input = ZResetPasswordInput.parse(formFields(form));
    const { email } = await resetPassword(getDb(), input, await requestContext(), new Date());
    return { status: "ok", values: { email } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
