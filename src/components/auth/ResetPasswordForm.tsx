"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { Alert, buttonClass } from "@/components/ui";
import { PasswordFields } from "./PasswordFields";
import { useErrorText } from "./use-error-text";
import { useSignInAfter } from "./use-sign-in-after";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(resetPasswordAction, idle);
  const rememberPassword = useSignInAfter(state, "/");
  const error = state.status === "error" ? state : null;
  return (
    <form action={action} onSubmit={rememberPassword} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <PasswordFields
        labels={{ password: t("password"), confirm: t("confirm") }}
        errors={{ confirm: errorText(error?.fields?.confirm === "mismatch" ? "mismatch" : undefined) }}
      />
      {error && error.code !== "VALIDATION_FAILED" ? <Alert tone="error" testId="form-error">{errorText(error.code)}</Alert> : null}
      {state.status === "ok" ? <Alert tone="success">{t("done")}</Alert> : null}
      <button type="submit" disabled={pending || state.status === "ok"} className={buttonClass}>
        {t("submit")}
      </button>
    </form>
  );
}
