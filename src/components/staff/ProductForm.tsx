"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addProductAction } from "@/app/(staff)/staff/catalogue/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";

const KINDS = ["DEDICATED_SERVER", "VIRTUAL_SERVER", "SHARED_HOSTING", "DOMAIN_NAME", "SSL_CERTIFICATE", "MAINTENANCE_CONTRACT", "SUPPORT_HOUR_BANK", "ONE_OFF"] as const;

export function ProductForm() {
  const t = useTranslations("catalogue");
  const [state, action, pending] = useActionState(addProductAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const input = (name: "code" | "name" | "taxRatePercent" | "monthly" | "annual", label: string, props: Record<string, unknown> = {}, saved = "") => (
    <Field label={label} htmlFor={`product-${name}`} error={fieldError(name)}>
      <input id={`product-${name}`} name={name} defaultValue={typed.value(name, saved)} className={inputClass} {...props} />
    </Field>
  );
  return (
    <form action={action} className="mb-6 grid gap-2 md:grid-cols-7 md:items-start" data-testid="product-form" key={typed.key}>
      {input("code", t("form.code"), { required: true, maxLength: 40, autoComplete: "off" })}
      <div className="md:col-span-2">{input("name", t("name"), { required: true, maxLength: 200 })}</div>
      <Field label={t("kind")} htmlFor="product-kind" error={fieldError("kind")}>
        <select id="product-kind" name="kind" defaultValue={typed.value("kind", KINDS[0])} className={inputClass}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {input("taxRatePercent", t("form.taxRatePercent"), { inputMode: "decimal" }, "20")}
      {input("monthly", t("form.monthly"), { inputMode: "decimal" })}
      {input("annual", t("form.annual"), { inputMode: "decimal" })}
      <button type="submit" disabled={pending} className={`${buttonClass} md:col-span-7 md:justify-self-start`}>
        {t("form.add")}
      </button>
      <div className="md:col-span-7">
        {state.status === "ok" ? <Alert tone="success" testId="product-added">{t("form.added", { code: state.values?.code ?? "", name: state.values?.name ?? "" })}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
