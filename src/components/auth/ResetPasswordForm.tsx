"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { Alert, buttonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import { PasswordFields } from "./PasswordFields";
import { useErrorText } from "./use-error-text";
import { useSignInAfter } from "./use-sign-in-after";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(resetPasswordAction, idle);
  const rememberPassword = useSignInAfter(state, "/");
  const error = state.status === "error" ? state : null;
  const fieldError = useFieldError(state);
  return (
    <form action={action} onSubmit={rememberPassword} className="flex flex-col gap-4" data-testid="reset-password-form">
      <input type="hidden" name="token" value={token} />
      <PasswordFields labels={{ password: t("password"), confirm: t("confirm") }} errors={{ password: fieldError("password"), confirm: fieldError("confirm") }} />
      {error && !error.fields ? <Alert tone="error" testId="form-error">{errorText(error.code)}</Alert> : null}
      {state.status === "ok" ? <Alert tone="success">{t("done")}</Alert> : null}
      <button type="submit" disabled={pending || state.status === "ok"} className={buttonClass}>
        {t("submit")}
      </button>
    </form>
  );
}
