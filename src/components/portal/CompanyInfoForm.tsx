"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateCompanyInfoAction } from "@/app/(portal)/portal/settings/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";

type CompanyFields = Record<"addressLine1" | "addressLine2" | "postalCode" | "city" | "country" | "phone", string>;

/** The owner's form for the company's address and phone; after saving, the group's message if it has one. */
export function CompanyInfoForm({ company, countries }: { company: CompanyFields; countries: { code: string; name: string }[] }) {
  const t = useTranslations("selfService.company");
  const [state, action, pending] = useActionState(updateCompanyInfoAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const field = (name: keyof CompanyFields, props: Record<string, unknown> = {}) => (
    <Field label={t(name)} htmlFor={`company-${name}`} error={fieldError(name)}>
      <input id={`company-${name}`} name={name} defaultValue={typed.value(name, company[name])} className={inputClass} {...props} />
    </Field>
  );
  const message = state.status === "ok" ? state.values?.message : undefined;
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2" data-testid="company-form" key={typed.key}>
      {field("addressLine1", { maxLength: 200, autoComplete: "address-line1" })}
      {field("addressLine2", { maxLength: 200, autoComplete: "address-line2" })}
      {field("postalCode", { maxLength: 20, autoComplete: "postal-code" })}
      {field("city", { maxLength: 100, autoComplete: "address-level2" })}
      <Field label={t("country")} htmlFor="company-country" error={fieldError("country")}>
        <select id="company-country" name="country" defaultValue={typed.value("country", company.country)} className={inputClass}>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </Field>
      {field("phone", { type: "tel", maxLength: 40, autoComplete: "tel" })}
      <div className="flex flex-col gap-3 md:col-span-2">
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className={buttonClass}>
            {t("save")}
          </button>
          {state.status === "ok" ? <Alert tone="success" testId="company-saved">{t("saved")}</Alert> : null}
          <FormProblem state={state} />
        </div>
        {message ? (
          <Alert tone="info" testId="contact-updated-message">
            <span className="whitespace-pre-line">{message}</span>
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
