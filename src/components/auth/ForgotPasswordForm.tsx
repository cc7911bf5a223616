"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { useErrorText } from "./use-error-text";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(requestPasswordResetAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  if (state.status === "ok") {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" testId="forgot-sent">
          {t("forgot.sent")}
        </Alert>
        <Link href="/signin" className="text-sm">
          {t("forgot.backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="forgot-password-form" key={typed.key}>
      <Field label={t("signIn.email")} htmlFor="email" error={fieldError("email")}>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={typed.value("email")} className={inputClass} />
      </Field>
      {state.status === "error" && !state.fields ? (
        <Alert tone="error" testId="form-error">
          {errorText(state.code)}
        </Alert>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("forgot.submit")}
      </button>
      <Link href="/signin" className="text-sm">
        {t("forgot.backToSignIn")}
      </Link>
    </form>
  );
}
