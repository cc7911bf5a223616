"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/(auth)/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { PasswordFields } from "./PasswordFields";
import { useErrorText } from "./use-error-text";
import { useSignInAfter } from "./use-sign-in-after";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("auth.invitation");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(acceptInvitationAction, idle);
  const rememberPassword = useSignInAfter(state, "/portal");
  const error = state.status === "error" ? state : null;
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const busy = pending || state.status === "ok";
  return (
    <form action={action} onSubmit={rememberPassword} className="flex flex-col gap-4" data-testid="accept-invitation-form" key={typed.key}>
      <input type="hidden" name="token" value={token} />
      <Field label={t("name")} htmlFor="name" error={fieldError("name")}>
        <input id="name" name="name" autoComplete="name" required maxLength={120} defaultValue={typed.value("name")} className={inputClass} />
      </Field>
      <PasswordFields labels={{ password: t("password"), confirm: t("confirm") }} errors={{ password: fieldError("password"), confirm: fieldError("confirm") }} />
      {error && !error.fields ? <Alert tone="error" testId="form-error">{errorText(error.code)}</Alert> : null}
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
