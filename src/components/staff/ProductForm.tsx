"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addProductAction } from "@/app/(staff)/staff/catalogue/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, inputClass } from "@/components/ui";

const KINDS = ["DEDICATED_SERVER", "VIRTUAL_SERVER", "SHARED_HOSTING", "DOMAIN_NAME", "SSL_CERTIFICATE", "MAINTENANCE_CONTRACT", "SUPPORT_HOUR_BANK", "ONE_OFF"] as const;

export function ProductForm() {
  const t = useTranslations("catalogue");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(addProductAction, idle);
  return (
    <form action={action} className="mb-6 grid gap-2 md:grid-cols-7 md:items-end" data-testid="product-form">
      <label className="flex flex-col gap-1">
        {t("form.code")}
        <input name="code" required className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 md:col-span-2">
        {t("name")}
        <input name="name" required className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("kind")}
        <select name="kind" className={inputClass}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("form.taxRatePercent")}
        <input name="taxRatePercent" defaultValue="20" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("form.monthly")}
        <input name="monthly" inputMode="decimal" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("form.annual")}
        <input name="annual" inputMode="decimal" className={inputClass} />
      </label>
      <button type="submit" disabled={pending} className={`${buttonClass} md:col-span-7 md:justify-self-start`}>
        {t("form.add")}
      </button>
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
