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
      <input name="code" required placeholder={t("form.code")} aria-label={t("form.code")} className={inputClass} />
      <input name="name" required placeholder={t("name")} aria-label={t("name")} className={`${inputClass} md:col-span-2`} />
      <select name="kind" aria-label={t("kind")} className={inputClass}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </select>
      <input name="taxRatePercent" defaultValue="20" aria-label="%" className={inputClass} />
      <input name="monthly" placeholder={t("form.monthly")} aria-label={t("form.monthly")} inputMode="decimal" className={inputClass} />
      <input name="annual" placeholder={t("form.annual")} aria-label={t("form.annual")} inputMode="decimal" className={inputClass} />
      <button type="submit" disabled={pending} className={`${buttonClass} md:col-span-7 md:justify-self-start`}>
        {t("form.add")}
      </button>
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
