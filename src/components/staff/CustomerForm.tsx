"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createCustomerAction, updateCustomerAction } from "@/app/(staff)/staff/customers/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import type { CustomerFormChoices } from "@/domain/i18n/countries";

type CustomerFields = Record<"legalName" | "billingEmail" | "addressLine1" | "addressLine2" | "postalCode" | "city" | "country" | "taxId" | "currency" | "locale" | "timeZone", string>;

/** Create (no `customer`) or edit a customer. The currency is fixed once invoices may exist. */
export function CustomerForm({ customer, choices }: { customer?: CustomerFields & { id: string }; choices: CustomerFormChoices }) {
  const t = useTranslations("customerForm");
  const languages = useTranslations("common.languages");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(customer ? updateCustomerAction : createCustomerAction, idle);
  const fieldError = useFieldError(state);
  const field = (name: keyof CustomerFields, props: Record<string, unknown> = {}) => (
    <label className="flex flex-col gap-1">
      {t(name)}
      <input name={name} defaultValue={customer?.[name] ?? ""} className={inputClass} {...props} />
      {fieldError(name) ? <span className="text-xs text-red-700">{fieldError(name)}</span> : null}
    </label>
  );
  const select = (name: "country" | "currency" | "timeZone", fallback: string, options: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1">
      {t(name)}
      <select name={name} defaultValue={customer?.[name] || fallback} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {fieldError(name) ? <span className="text-xs text-red-700">{fieldError(name)}</span> : null}
    </label>
  );
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2" data-testid="customer-form">
      {customer ? <input type="hidden" name="customerId" value={customer.id} /> : null}
      {field("legalName", { required: true })}
      {field("billingEmail", { required: true, type: "email" })}
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
      <label className="flex flex-col gap-1">
        {t("locale")}
        <select name="locale" defaultValue={customer?.locale ?? "fr"} className={inputClass}>
          {(["fr", "en", "es"] as const).map((l) => (
            <option key={l} value={l}>
              {languages(l)}
            </option>
          ))}
        </select>
      </label>
      {select("timeZone", "Europe/Paris", choices.timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") })))}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
        {state.status === "ok" ? <Alert tone="success">{t("saved")}</Alert> : null}
        {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
      </div>
    </form>
  );
}
