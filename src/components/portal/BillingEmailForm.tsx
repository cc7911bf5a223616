"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestBillingEmailChangeAction } from "@/app/(portal)/portal/settings/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";

/**
 * Where invoices go. The owner asks for a new address; it takes effect only once the link sent there
 * is opened. Members see the address and whom to ask.
 */
export function BillingEmailForm({ billingEmail, pendingBillingEmail, mayChange }: { billingEmail: string; pendingBillingEmail: string | null; mayChange: boolean }) {
  const t = useTranslations("selfService.billingEmail");
  const [state, action, pending] = useActionState(requestBillingEmailChangeAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const waiting = state.status === "ok" ? (state.values?.pendingBillingEmail ?? null) : pendingBillingEmail;
  return (
    <div className="flex flex-col gap-3">
      <p data-testid="billing-email-current">{t("current", { address: billingEmail })}</p>
      {waiting && mayChange ? (
        <Alert tone="info" testId="billing-email-pending">
          {t("pending", { address: waiting, current: billingEmail })}
        </Alert>
      ) : null}
      {mayChange ? (
        <form action={action} className="flex max-w-md flex-col gap-3" data-testid="billing-email-form" key={typed.key}>
          <Field label={t("newAddress")} htmlFor="billing-email-new" hint={t("hint")} error={fieldError("billingEmail")}>
            <input id="billing-email-new" name="billingEmail" type="email" required maxLength={254} autoComplete="off" defaultValue={typed.value("billingEmail")} className={inputClass} />
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={pending} className={buttonClass}>
              {t("submit")}
            </button>
            {state.status === "ok" ? <Alert tone="success" testId="billing-email-sent">{t("sent", { address: waiting ?? "" })}</Alert> : null}
            <FormProblem state={state} />
          </div>
        </form>
      ) : (
        <p className="text-sm text-slate-600" data-testid="billing-email-owner-only">
          {t("ownerOnly")}
        </p>
      )}
    </div>
  );
}
