"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/app/_lib/action-state";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert } from "@/components/ui";

/**
 * Why a form was refused: how many fields need fixing (each one says why, next to it), or, when no
 * field is to blame, the reason in words. Nothing when the form was not refused.
 */
export function FormProblem({ state }: { state: ActionState }) {
  const t = useTranslations("common");
  const errorText = useErrorText();
  if (state.status !== "error") return null;
  return (
    <Alert tone="error" testId="form-error">
      {state.fields ? t("fixFields", { count: Object.keys(state.fields).length }) : errorText(state.code)}
    </Alert>
  );
}
