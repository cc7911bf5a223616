"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

/**
 * One code field and a button, for confirming enrolment, regenerating recovery codes or turning
 * two-factor authentication off. Recovery codes, when the action returns them, are shown this once.
 */
export function SecondFactorCodeForm({
  action,
  submitLabel,
  testId,
  showsCodes = false,
  continueHref,
  label,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  testId: string;
  showsCodes?: boolean;
  continueHref?: string;
  /** The field's label; by default "code from the app or a recovery code". */
  label?: string;
}) {
  const t = useTranslations("staffSecurity");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const codes = state.status === "ok" ? (state.values?.codes?.split(" ") ?? []) : [];
  if (showsCodes && codes.length > 0) {
    return (
      <div className="flex flex-col gap-3" data-testid={`${testId}-done`}>
        <Alert tone="success">{t("recoveryIntro")}</Alert>
        <ul className="grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {continueHref ? (
          <Link href={continueHref} className={buttonClass}>
            {t("continue")}
          </Link>
        ) : null}
      </div>
    );
  }
  const inputId = `${testId}-code`;
  return (
    <form action={formAction} className="flex max-w-sm flex-col gap-3" data-testid={testId}>
      <Field label={label ?? t("codeLabel")} htmlFor={inputId} error={fieldError("code")}>
        <input id={inputId} name="code" required autoComplete="one-time-code" inputMode="text" maxLength={20} className={inputClass} />
      </Field>
      {state.status === "error" && !state.fields ? (
        <Alert tone="error" testId="form-error">
          {errorText(state.code)}
        </Alert>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass}>
        {submitLabel}
      </button>
    </form>
  );
}
