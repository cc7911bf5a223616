"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createApiTokenAction } from "@/app/(staff)/staff/api-tokens/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, inputClass } from "@/components/ui";

/** The secret comes back once, in this action's answer, and is never stored in clear. */
export function ApiTokenForm() {
  const t = useTranslations("apiTokens");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(createApiTokenAction, idle);
  return (
    <form action={action} className="mb-6 flex flex-col gap-3" data-testid="api-token-form">
      <div className="flex gap-2">
        <input name="name" required maxLength={80} placeholder={t("name")} aria-label={t("name")} className={inputClass} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("create")}
        </button>
      </div>
      {state.status === "ok" ? (
        <Alert tone="success">
          {t("shownOnce")} <code className="break-all font-mono" data-testid="api-token-secret">{state.values?.token}</code>
        </Alert>
      ) : null}
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
