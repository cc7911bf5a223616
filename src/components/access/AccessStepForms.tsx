"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState } from "react";
import { saveAccessStepAction, submitAccessRequestAction } from "@/app/(access)/access/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { buttonClass, Field, FieldError, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { AccessRequestDraftDto } from "@/contracts/access-requests";
import { Honeypot } from "./Honeypot";

type Step = "terms" | "contact" | "company" | "questions";

/** One tab's form: saved on its own, problems shown next to their fields, what was typed kept. */
function StepForm({ token, step, children }: { token: string; step: Step; children: (f: { error: (name: string) => string | undefined; value: (name: string, saved?: string) => string }) => ReactNode }) {
  const t = useTranslations("accessRequest");
  const [state, action, pending] = useActionState(saveAccessStepAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} key={typed.key} className="relative flex flex-col gap-4" data-testid={`access-${step}-form`}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="step" value={step} />
      {children({ error: fieldError, value: typed.value })}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
        <FormProblem state={state} />
      </div>
    </form>
  );
}

export function TermsStepForm({ token, accepted }: { token: string; accepted: boolean }) {
  const t = useTranslations("accessRequest");
  return (
    <StepForm token={token} step="terms">
      {({ error }) => (
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="acceptTerms" defaultChecked={accepted} aria-describedby={error("acceptTerms") ? "acceptTerms-error" : undefined} />
            {t("acceptTerms")}
          </label>
          {error("acceptTerms") ? <FieldError id="acceptTerms-error" testId="error-acceptTerms" text={error("acceptTerms") ?? ""} /> : null}
        </div>
      )}
    </StepForm>
  );
}

export function ContactStepForm({ token, draft }: { token: string; draft: AccessRequestDraftDto }) {
  const t = useTranslations("accessRequest");
  return (
    <StepForm token={token} step="contact">
      {({ error, value }) => (
        <>
          <Honeypot label={t("honeypot")} />
          <Field label={t("contactName")} htmlFor="contactName" error={error("contactName")}>
            <input id="contactName" name="contactName" autoComplete="name" maxLength={170} defaultValue={value("contactName", draft.contactName)} className={inputClass} />
          </Field>
          <Field label={t("contactEmail")} htmlFor="contactEmail" hint={t("emailHint")} error={error("contactEmail")}>
            <input id="contactEmail" name="contactEmail" type="email" autoComplete="email" maxLength={254} defaultValue={value("contactEmail", draft.contactEmail)} className={inputClass} />
          </Field>
          {draft.emailHelpUrl ? (
            <p className="-mt-2 text-sm">
              <a href={draft.emailHelpUrl} target="_blank" rel="noopener noreferrer" data-testid="email-help-link">
                {t("emailHelp")}
              </a>
            </p>
          ) : null}
          <Field label={t("contactPhone")} htmlFor="contactPhone" error={error("contactPhone")}>
            <input id="contactPhone" name="contactPhone" type="tel" autoComplete="tel" maxLength={40} defaultValue={value("contactPhone", draft.contactPhone)} className={inputClass} />
          </Field>
        </>
      )}
    </StepForm>
  );
}

export function CompanyStepForm({ token, draft }: { token: string; draft: AccessRequestDraftDto }) {
  const t = useTranslations("accessRequest");
  return (
    <StepForm token={token} step="company">
      {({ error, value }) => (
        <>
          <Field label={t("companyName")} htmlFor="companyName" error={error("companyName")}>
            <input id="companyName" name="companyName" autoComplete="organization" maxLength={250} defaultValue={value("companyName", draft.companyName)} className={inputClass} />
          </Field>
          <Field label={t("taxId")} htmlFor="taxId" hint={draft.taxIdPattern ? t("taxIdHint", { pattern: draft.taxIdPattern }) : t("taxIdFreeHint")} error={error("taxId")}>
            <input id="taxId" name="taxId" maxLength={60} defaultValue={value("taxId", draft.taxId)} className={`${inputClass} max-w-60`} />
          </Field>
        </>
      )}
    </StepForm>
  );
}

export function QuestionsStepForm({ token, draft }: { token: string; draft: AccessRequestDraftDto }) {
  const t = useTranslations("accessRequest");
  return (
    <StepForm token={token} step="questions">
      {({ error, value }) =>
        draft.questions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noQuestions")}</p>
        ) : (
          draft.questions.map((q) => (
            <Field key={q.id} label={q.required ? q.label : `${q.label} (${t("optional")})`} htmlFor={`answer-${q.id}`} error={error(`answer.${q.id}`)}>
              <textarea id={`answer-${q.id}`} name={`answer.${q.id}`} rows={2} maxLength={2050} defaultValue={value(`answer.${q.id}`, draft.answers[q.id] ?? "")} className={inputClass} />
            </Field>
          ))
        )
      }
    </StepForm>
  );
}

/** Sends the complete request; the dialog says that it can no longer be changed afterwards. */
export function SubmitAccessForm({ token, companyName }: { token: string; companyName: string }) {
  const t = useTranslations("accessRequest");
  const [state, action] = useActionState(submitAccessRequestAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3" data-testid="access-submit-form">
      <input type="hidden" name="token" value={token} />
      <ConfirmSubmit label={t("submit")} summary={t("submitConfirm", { company: companyName })} confirmLabel={t("submit")} testId="access-submit" />
      <FormProblem state={state} />
    </form>
  );
}
