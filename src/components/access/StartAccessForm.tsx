"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startAccessRequestAction } from "@/app/(access)/access/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, FieldError } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import { Honeypot } from "./Honeypot";

/** The start of an access request: the terms are accepted here, then the draft opens on its own link. */
export function StartAccessForm({ slug, hasTerms }: { slug: string; hasTerms: boolean }) {
  const t = useTranslations("accessRequest");
  const [state, action, pending] = useActionState(startAccessRequestAction, idle);
  const fieldError = useFieldError(state);
  if (state.status === "ok") return <Alert tone="success" testId="access-discarded">{t("discarded")}</Alert>;
  const termsError = fieldError("acceptTerms");
  return (
    <form action={action} className="relative flex flex-col gap-4" data-testid="access-start-form">
      <input type="hidden" name="slug" value={slug} />
      <Honeypot label={t("honeypot")} />
      {hasTerms ? (
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="acceptTerms" id="acceptTerms" aria-describedby={termsError ? "acceptTerms-error" : undefined} aria-invalid={termsError ? true : undefined} />
            {t("acceptTerms")}
          </label>
          {termsError ? <FieldError id="acceptTerms-error" testId="error-acceptTerms" text={termsError} /> : null}
        </div>
      ) : (
        <input type="hidden" name="acceptTerms" value="on" />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("start")}
        </button>
        {state.status === "error" && !state.fields ? <FormProblem state={state} /> : null}
      </div>
    </form>
  );
}
