"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createCustomerGroupAction, saveGroupBillingAction } from "@/app/(staff)/staff/groups/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { DunningPolicy } from "@/domain/billing/dunning-policy";

export function CreateGroupForm() {
  const t = useTranslations("groups");
  const [state, action, pending] = useActionState(createCustomerGroupAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} key={typed.key} className="flex flex-wrap items-start gap-3" data-testid="create-group-form">
      <Field label={t("name")} htmlFor="group-name" error={fieldError("name")}>
        <input id="group-name" name="name" required maxLength={120} defaultValue={typed.value("name")} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={`${secondaryButtonClass} mt-6`}>
        {t("create")}
      </button>
    </form>
  );
}

type NumberField = "renewalLeadDays" | "suspendAfterDays" | "suspendAllAfterBusinessDays" | "terminateAfterDays";

/**
 * The group's Billing tab: when renewals are invoiced and what happens to an unpaid invoice, all in
 * days around the renewal date D. Each setting says in words when it acts ("D-15"), so staff read
 * the schedule they are setting rather than compute it.
 */
export function GroupBillingForm({ groupId, policy, manualStatusChanges, isAdmin }: { groupId: string; policy: DunningPolicy; manualStatusChanges: boolean; isAdmin: boolean }) {
  const t = useTranslations("groups.billing");
  const [state, action, pending] = useActionState(saveGroupBillingAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const saved: Record<string, string> = {
    renewalLeadDays: String(policy.renewalLeadDays),
    reminderDaysBeforeDue: policy.reminderDaysBeforeDue.join(", "),
    suspendAfterDays: String(policy.suspendAfterDays),
    suspendAllAfterBusinessDays: String(policy.suspendAllAfterBusinessDays),
    terminateAfterDays: String(policy.terminateAfterDays),
    holidayCountry: policy.holidayCountry ?? "",
    holidayRegion: policy.holidayRegion ?? "",
  };
  const checked = (name: string, fallback: boolean) => (state.status === "error" && state.values ? state.values[name] === "on" : fallback);
  const days = (name: NumberField | "reminderDaysBeforeDue", props: Record<string, unknown> = {}) => (
    <Field label={t(`${name}.label`)} htmlFor={`policy-${name}`} hint={t(`${name}.hint`)} error={fieldError(name)}>
      <input id={`policy-${name}`} name={name} defaultValue={typed.value(name, saved[name])} inputMode="numeric" className={`${inputClass} max-w-40`} {...props} />
    </Field>
  );
  return (
    <form action={action} key={typed.key} className="flex flex-col gap-5" data-testid="group-billing-form">
      <input type="hidden" name="groupId" value={groupId} />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("renewals")}</legend>
        {days("renewalLeadDays", { required: true })}
        {days("reminderDaysBeforeDue", { inputMode: "text" })}
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("unpaid")}</legend>
        {days("suspendAfterDays", { required: true })}
        {days("terminateAfterDays", { required: true })}
        {days("suspendAllAfterBusinessDays", { required: true })}
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="lengthenCycleAfterReinstatement" defaultChecked={checked("lengthenCycleAfterReinstatement", policy.lengthenCycleAfterReinstatement)} />
          {t("lengthenCycle")}
        </label>
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("businessDays")}</legend>
        <Field label={t("holidayCountry.label")} htmlFor="policy-holidayCountry" hint={t("holidayCountry.hint")} error={fieldError("holidayCountry")}>
          <input id="policy-holidayCountry" name="holidayCountry" maxLength={2} defaultValue={typed.value("holidayCountry", saved.holidayCountry)} className={`${inputClass} max-w-24 uppercase`} />
        </Field>
        <Field label={t("holidayRegion.label")} htmlFor="policy-holidayRegion" hint={t("holidayRegion.hint")} error={fieldError("holidayRegion")}>
          <input id="policy-holidayRegion" name="holidayRegion" maxLength={10} defaultValue={typed.value("holidayRegion", saved.holidayRegion)} className={`${inputClass} max-w-24 uppercase`} />
        </Field>
      </fieldset>
      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("statusChanges")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="manualStatusChanges" disabled={!isAdmin} aria-describedby="manual-status-hint" defaultChecked={checked("manualStatusChanges", manualStatusChanges)} />
          {t("manualStatusChanges")}
        </label>
        <p id="manual-status-hint" className="text-xs text-slate-500">
          {isAdmin ? t("manualStatusHint") : t("manualStatusAdminOnly")}
        </p>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
        {state.status === "ok" ? <Alert tone="success" testId="group-billing-saved">{t("saved")}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
