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
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1">
          {t("name")}
          <input name="name" required maxLength={80} className={inputClass} />
        </label>
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
