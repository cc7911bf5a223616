"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createCustomerAction, updateCustomerAction } from "@/app/(staff)/staff/customers/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { CustomerFormChoices } from "@/domain/i18n/countries";

type CustomerFields = Record<"legalName" | "billingEmail" | "addressLine1" | "addressLine2" | "postalCode" | "city" | "country" | "taxId" | "currency" | "locale" | "timeZone" | "groupId", string>;

/** Create (no `customer`) or edit a customer. The currency is fixed once invoices may exist. */
export function CustomerForm({ customer, choices, groups }: { customer?: CustomerFields & { id: string }; choices: CustomerFormChoices; groups: { id: string; name: string }[] }) {
  const t = useTranslations("customerForm");
  const languages = useTranslations("common.languages");
  const [state, action, pending] = useActionState(customer ? updateCustomerAction : createCustomerAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const shown = (name: keyof CustomerFields, fallback = "") => typed.value(name, customer?.[name] || fallback);
  const field = (name: keyof CustomerFields, props: Record<string, unknown> = {}) => (
    <Field label={t(name)} htmlFor={`customer-${name}`} error={fieldError(name)}>
      <input id={`customer-${name}`} name={name} defaultValue={shown(name)} className={inputClass} {...props} />
    </Field>
  );
  const select = (name: "country" | "currency" | "locale" | "timeZone" | "groupId", fallback: string, options: { value: string; label: string }[]) => (
    <Field label={t(name)} htmlFor={`customer-${name}`} error={fieldError(name)}>
      <select id={`customer-${name}`} name={name} defaultValue={shown(name, fallback)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2" data-testid="customer-form" key={typed.key}>
      {customer ? <input type="hidden" name="customerId" value={customer.id} /> : null}
      {field("legalName", { required: true, maxLength: 200 })}
      {field("billingEmail", { required: true, type: "email", autoComplete: "off" })}
      {field("addressLine1")}
      {field("addressLine2")}
      {field("postalCode")}
      {field("city")}
      {select(
        "country",
        "FR",
        choices.countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
      )}
      {field("taxId")}
      {customer ? null : select("currency", "EUR", choices.currencies.map((c) => ({ value: c.code, label: c.name })))}
      {select("locale", "fr", (["fr", "en", "es"] as const).map((l) => ({ value: l, label: languages(l) })))}
      {select("timeZone", "Europe/Paris", choices.timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") })))}
      {select("groupId", "", [{ value: "", label: t("noGroup") }, ...groups.map((g) => ({ value: g.id, label: g.name }))])}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
        {state.status === "ok" ? <Alert tone="success" testId="customer-saved">{t("saved")}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
