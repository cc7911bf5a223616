"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormSaveRow, FormSection } from "@/components/FormSection";
import { saveCompanySettingsAction } from "@/app/(staff)/staff/settings/company/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { useFieldError } from "@/components/use-field-error";
import type { CompanySettingsDto } from "@/contracts/company-settings";
import { formatIban } from "@/domain/settings/bank-details";
import { Field, inputClass } from "@/components/ui";

type TextField =
  | "legalName" | "address" | "country" | "registrationNumber" | "vatNumber" | "email" | "phone" | "iban" | "bic" | "accountNumber"
  | "routingNumber" | "paymentInstructions" | "footerText" | "paymentTermsDays" | "latePenaltyRate" | "legalMentions";

/** The saved settings as form text: the rate in percent, as admins type it. */
function asFormValues(s: CompanySettingsDto): Record<TextField, string> & { recoveryIndemnity: string } {
  return {
    legalName: s.legalName, address: s.address, country: s.country, registrationNumber: s.registrationNumber, vatNumber: s.vatNumber,
    email: s.email, phone: s.phone, iban: formatIban(s.iban), bic: s.bic, accountNumber: s.accountNumber, routingNumber: s.routingNumber,
    paymentInstructions: s.paymentInstructions, footerText: s.footerText, paymentTermsDays: String(s.paymentTermsDays),
    latePenaltyRate: s.latePenaltyRateBp === null ? "" : String(s.latePenaltyRateBp / 100), legalMentions: s.legalMentions,
    recoveryIndemnity: s.recoveryIndemnity ? "on" : "",
  };
}


/** Settings → Company: what every invoice, credit note and e-mail says about the provider. */
export function CompanySettingsForm({ settings }: { settings: CompanySettingsDto }) {
  const t = useTranslations("companySettings");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(saveCompanySettingsAction, idle);
  // After a submit React resets the form to its default values: show what was typed, not the old row.
  const values = state.status === "idle" || !state.values ? asFormValues(settings) : { ...asFormValues(settings), recoveryIndemnity: "", ...state.values };
  const translatedFieldError = useFieldError(state);
  const fieldError = (name: string) => (state.status === "error" && state.fields?.[name] === "INVALID_LOGO" ? errorText("INVALID_LOGO") : translatedFieldError(name));
  const input = (name: TextField, props: Record<string, unknown> = {}) => (
    <Field label={t(name)} htmlFor={`company-${name}`} error={fieldError(name)}>
      <input id={`company-${name}`} name={name} defaultValue={values[name]} className={inputClass} aria-invalid={fieldError(name) ? true : undefined} {...props} />
    </Field>
  );
  const area = (name: TextField, rows = 3) => (
    <Field label={t(name)} htmlFor={`company-${name}`} error={fieldError(name)}>
      <textarea id={`company-${name}`} name={name} rows={rows} defaultValue={values[name]} className={inputClass} aria-invalid={fieldError(name) ? true : undefined} />
    </Field>
  );
  return (
    <form action={action} className="flex flex-col gap-5" data-testid="company-settings-form" key={state.status === "idle" ? "idle" : JSON.stringify(state.values)}>
      <FormSection title={t("identity")}>
        {input("legalName", { required: true, maxLength: 200 })}
        {input("country", { maxLength: 2, placeholder: "FR" })}
        {area("address")}
        <div className="flex flex-col gap-3">
          {input("registrationNumber")}
          {input("vatNumber", { placeholder: "FR40123456789" })}
        </div>
        {input("email", { type: "email" })}
        {input("phone", { type: "tel" })}
      </FormSection>
      <FormSection title={t("bank")}>
        <p className="text-xs text-slate-500 md:col-span-2">{t("accountHint")}</p>
        {input("iban", { autoComplete: "off" })}
        {input("bic", { autoComplete: "off" })}
        {input("accountNumber", { autoComplete: "off" })}
        {input("routingNumber", { autoComplete: "off" })}
        {area("paymentInstructions")}
        {input("paymentTermsDays", { type: "number", min: 0, max: 365, required: true })}
      </FormSection>
      <FormSection title={t("documents")}>
        {input("latePenaltyRate", { inputMode: "decimal", placeholder: "12.15" })}
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="recoveryIndemnity" defaultChecked={values.recoveryIndemnity === "on"} />
          {t("recoveryIndemnity")}
        </label>
        {area("legalMentions")}
        {area("footerText", 2)}
      </FormSection>
      <FormSection title={t("logoSection")}>
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-600">{t("currentLogo")}</span>
          {/* biome-ignore lint/performance/noImgElement: served by /company-logo from the database; next/image would only add a cache layer */}
          <img src={`/company-logo?v=${encodeURIComponent(settings.updatedAt)}`} alt={t("currentLogo")} className="h-12 w-auto max-w-48 rounded border border-slate-200 bg-white object-contain p-1" />
        </div>
        <div className="flex flex-col gap-2">
          <Field label={t("logo")} htmlFor="company-logo" error={fieldError("logo")}>
            <input id="company-logo" name="logo" type="file" accept="image/png,image/jpeg" className="text-sm" />
          </Field>
          {settings.hasLogo ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeLogo" />
              {t("removeLogo")}
            </label>
          ) : null}
        </div>
      </FormSection>
      <FormSaveRow pending={pending} label={t("save")} saved={state.status === "ok" ? t("saved") : null} error={state.status === "error" ? errorText(state.code) : null} />
    </form>
  );
}
