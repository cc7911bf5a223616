"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormSaveRow, FormSection } from "@/components/FormSection";
import { saveSupportSettingsAction } from "@/app/(staff)/staff/settings/support/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { ruleField, type SupportSettingsDto } from "@/contracts/support-settings";
import { CHANNELS, URGENCIES } from "@/domain/support/charging-rules";

const GRIDS = ["withBank", "withoutBank"] as const;


/** Settings → Support desk: where requests arrive, the SLA calendar, how time is charged, alerts. */
export function SupportSettingsForm({ settings }: { settings: SupportSettingsDto }) {
  const t = useTranslations("supportSettings");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(saveSupportSettingsAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state.status === "ok" ? idle : state);
  const rules = settings.chargingRules;
  const saved: Record<string, string> = {
    regularAddress: settings.regularAddress,
    urgentAddress: settings.urgentAddress,
    timeZone: settings.timeZone,
    holidayCountry: settings.holidayCountry ?? "",
    holidayRegion: settings.holidayRegion ?? "",
    travelFreeRadiusKm: String(rules.travel.freeRadiusKm),
    travelRatePerKm: (rules.travel.ratePerKmMinor / 100).toFixed(2),
    lowBalanceThresholds: settings.lowBalanceThresholds.join(", "),
    maxSupportContacts: String(settings.maxSupportContacts),
    regularNotifyCount: String(settings.regularNotifyCount),
    urgentNotifyCount: String(settings.urgentNotifyCount),
  };
  for (const g of GRIDS)
    for (const u of URGENCIES)
      for (const c of CHANNELS) {
        saved[ruleField(g, u, c, "increment")] = String(rules[g][u][c].incrementMinutes);
        saved[ruleField(g, u, c, "minimum")] = String(rules[g][u][c].minimumMinutes);
      }
  const value = (name: string) => typed.value(name, saved[name] ?? "");
  const input = (name: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field label={t(name)} htmlFor={`support-${name}`} error={fieldError(name)} hint={hint}>
      <input id={`support-${name}`} name={name} defaultValue={value(name)} className={inputClass} aria-invalid={fieldError(name) ? true : undefined} {...props} />
    </Field>
  );
  const minutes = (name: string, label: string) => (
    <div className="flex flex-col gap-1">
      <input
        id={`support-${name}`}
        name={name}
        type="number"
        min={0}
        max={1440}
        required
        defaultValue={value(name)}
        aria-label={label}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `error-support-${name}` : undefined}
        className={`${inputClass} w-20`}
      />
      {fieldError(name) ? (
        <span id={`error-support-${name}`} className="text-xs text-red-700">
          {fieldError(name)}
        </span>
      ) : null}
    </div>
  );
  const checkbox = (name: "travelChargeTime" | "travelChargeDistance", savedOn: boolean) => {
    const checked = state.status === "error" && state.values ? state.values[name] === "on" : savedOn;
    return (
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name={name} defaultChecked={checked} />
        {t(name)}
      </label>
    );
  };
  return (
    <form action={action} className="flex flex-col gap-5" data-testid="support-settings-form" key={typed.key}>
      <FormSection title={t("intake")} hint={t("intakeHint")}>
        {input("regularAddress", { type: "email", required: true })}
        {input("urgentAddress", { type: "email", required: true })}
      </FormSection>
      <FormSection title={t("calendar")} hint={t("calendarHint")}>
        {input("timeZone", { required: true, placeholder: "America/Toronto" })}
        <div className="grid grid-cols-2 gap-3">
          {input("holidayCountry", { maxLength: 2, placeholder: "CA" })}
          {input("holidayRegion", { maxLength: 10, placeholder: "QC" })}
        </div>
      </FormSection>
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("rules")}</legend>
        <p className="mb-3 text-xs text-slate-500">{t("rulesHint")}</p>
        <div className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left" rowSpan={2}>
                  {t("case")}
                </th>
                {GRIDS.map((g) => (
                  <th key={g} scope="colgroup" colSpan={2} className="p-1 text-left">
                    {t(g)}
                  </th>
                ))}
              </tr>
              <tr>
                {GRIDS.flatMap((g) => [
                  <th key={`${g}-i`} scope="col" className="p-1 text-left font-normal text-slate-600">
                    {t("increment")}
                  </th>,
                  <th key={`${g}-m`} scope="col" className="p-1 text-left font-normal text-slate-600">
                    {t("minimum")}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {URGENCIES.flatMap((u) =>
                CHANNELS.map((c) => {
                  const label = `${t(`urgency.${u}`)} · ${t(`channel.${c}`)}`;
                  return (
                    <tr key={`${u}-${c}`}>
                      <th scope="row" className="p-1 pr-3 text-left font-medium whitespace-nowrap">
                        {label}
                      </th>
                      {GRIDS.flatMap((g) => [
                        <td key={`${g}-i`} className="p-1">
                          {minutes(ruleField(g, u, c, "increment"), `${label}, ${t(g)}: ${t("increment")}`)}
                        </td>,
                        <td key={`${g}-m`} className="p-1">
                          {minutes(ruleField(g, u, c, "minimum"), `${label}, ${t(g)}: ${t("minimum")}`)}
                        </td>,
                      ])}
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </fieldset>
      <FormSection title={t("travel")} hint={t("travelHint")}>
        {input("travelFreeRadiusKm", { type: "number", min: 0, max: 10000, required: true })}
        {input("travelRatePerKm", { inputMode: "decimal", required: true })}
        {checkbox("travelChargeTime", rules.travel.chargeTime)}
        {checkbox("travelChargeDistance", rules.travel.chargeDistance)}
      </FormSection>
      <FormSection title={t("alerts")}>
        {input("lowBalanceThresholds", { required: true }, t("lowBalanceThresholdsHint"))}
        {input("maxSupportContacts", { type: "number", min: 1, max: 50, required: true })}
        {input("regularNotifyCount", { type: "number", min: 0, max: 20, required: true })}
        {input("urgentNotifyCount", { type: "number", min: 0, max: 20, required: true })}
      </FormSection>
      <FormSaveRow pending={pending} label={t("save")} saved={state.status === "ok" ? t("saved") : null} error={state.status === "error" ? errorText(state.code) : null} />
    </form>
  );
}
