"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { startBillingRunAction } from "@/app/(staff)/staff/billing-runs/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { DateInput } from "@/components/DateInput";
import { FormProblem } from "@/components/FormProblem";
import { Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { isCalendarDate } from "@/domain/billing/calendar-date";
import { fmtDate } from "@/domain/billing/display-format";

/**
 * Starts a billing run. A real run issues invoices, sends e-mails and suspends services, which
 * cannot be taken back, so the button states what will happen for which day and asks first; a dry
 * run only counts. On success the action opens the run's page, which follows its progress.
 */
export function BillingRunForm({ today }: { today: string }) {
  const t = useTranslations("billingRuns");
  const locale = useLocale();
  const [state, action, pending] = useActionState(startBillingRunAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const [asOf, setAsOf] = useState(typed.value("asOf", today));
  const [dryRun, setDryRun] = useState(typed.value("dryRun") === "on");
  const day = isCalendarDate(asOf) ? fmtDate(asOf, locale) : asOf;
  const asOfError = fieldError("asOf");
  return (
    <form action={action} key={typed.key} className="flex flex-col gap-3" data-testid="billing-run-form">
      <div className="flex flex-wrap items-end gap-4">
        <Field label={t("asOf")} htmlFor="run-asOf" error={asOfError} hint={t("asOfHint")}>
          <DateInput id="run-asOf" name="asOf" required defaultValue={asOf} onChange={(e) => setAsOf(e.target.value)} className={inputClass} aria-invalid={asOfError ? true : undefined} />
        </Field>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="dryRun" defaultChecked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t("dryRun")}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <ConfirmSubmit
          label={dryRun ? t("startDryRun") : t("start")}
          summary={dryRun ? t("confirmDryRun", { day }) : t("confirmRun", { day })}
          confirmLabel={dryRun ? t("confirmDryRunButton") : t("confirmRunButton")}
          disabled={pending}
          testId="start-billing-run"
        />
        <FormProblem state={state} />
      </div>
    </form>
  );
}
