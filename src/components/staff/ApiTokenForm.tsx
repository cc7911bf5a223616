"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(staff)/staff/api-tokens/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";

/** The secret comes back once, in this action's answer, and is never stored in clear. */
export function ApiTokenForm() {
  const t = useTranslations("apiTokens");
  const [state, action, pending] = useActionState(createApiTokenAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} className="mb-6 flex flex-col gap-3" data-testid="api-token-form" key={typed.key}>
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <Field label={t("name")} htmlFor="api-token-name" error={fieldError("name")}>
            <input id="api-token-name" name="name" required maxLength={80} defaultValue={typed.value("name")} autoComplete="off" className={inputClass} />
          </Field>
        </div>
        <button type="submit" disabled={pending} className={`${buttonClass} mt-7`}>
          {t("create")}
        </button>
      </div>
      {state.status === "ok" ? (
        <Alert tone="success" testId="api-token-created">
          {t("shownOnce", { name: state.values?.name ?? "" })} <code className="break-all font-mono" data-testid="api-token-secret">{state.values?.token}</code>
        </Alert>
      ) : null}
      <FormProblem state={state} />
    </form>
  );
}

/**
 * A token's last cell: "Revoke" (after a confirmation: programs using it are refused at once, and
 * nothing brings it back), then what happened. It stays mounted when the list reloads, so the
 * outcome stays on screen next to the row it concerns.
 */
export function ApiTokenRevoke({ tokenId, name, revoked }: { tokenId: string; name: string; revoked: boolean }) {
  const t = useTranslations("apiTokens");
  const [state, action, pending] = useActionState(revokeApiTokenAction, idle);
  return (
    <div className="flex flex-col items-start gap-1">
      {revoked ? (
        <span>{t("revoked")}</span>
      ) : (
        <form action={action}>
          <input type="hidden" name="tokenId" value={tokenId} />
          <ConfirmSubmit label={t("revoke")} summary={t("confirmRevoke", { name })} confirmLabel={t("confirmRevokeButton")} disabled={pending} tone="secondary" testId={`revoke-${tokenId}`} />
        </form>
      )}
      <ActionOutcome state={state} success={t("revokedOutcome", { name })} />
    </div>
  );
}
