"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/(portal)/portal/settings/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { PasswordFields } from "@/components/auth/PasswordFields";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

/** Current password, then the new one twice. Success ends the account's other sessions and says so. */
export function PasswordChangeForm() {
  const t = useTranslations("selfService.password");
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  const fieldError = useFieldError(state);
  return (
    // Password fields are never sent back: a new key empties them after every answer.
    <form action={action} className="flex max-w-md flex-col gap-3" data-testid="password-form" key={JSON.stringify(state)}>
      <Field label={t("current")} htmlFor="currentPassword" error={fieldError("currentPassword")}>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <PasswordFields labels={{ password: t("new"), confirm: t("confirm") }} errors={{ password: fieldError("password"), confirm: fieldError("confirm") }} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("submit")}
        </button>
        {state.status === "ok" ? (
          <Alert tone="success" testId="password-changed">
            {state.values?.kept === "1" ? t("done") : t("doneSignInAgain")}
          </Alert>
        ) : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
