"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { SURVEY_COMMENT_MAX_LENGTH } from "@/domain/support/ticket-rules";

/** The optional comment after a score was recorded (the link's secret travels in a hidden field). */
export function SurveyCommentForm({ action, token, comment }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; token: string; comment: string }) {
  const t = useTranslations("supportTickets.survey");
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={formAction} key={typed.key} className="flex flex-col gap-3" data-testid="survey-comment-form">
      <input type="hidden" name="token" value={token} />
      <Field label={t("comment")} htmlFor="survey-comment" hint={t("commentHint")} error={fieldError("comment")}>
        <textarea id="survey-comment" name="comment" rows={4} maxLength={SURVEY_COMMENT_MAX_LENGTH} defaultValue={typed.value("comment", comment)} className={inputClass} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("sendComment")}
        </button>
        {state.status === "ok" ? (
          <Alert tone="success" testId="survey-comment-saved">
            {t("commentSaved")}
          </Alert>
        ) : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
