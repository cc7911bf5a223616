"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createSiteAction, createSubscriptionAction } from "@/app/(staff)/staff/customers/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, inputClass } from "@/components/ui";

export function SiteForm({ customerId }: { customerId: string }) {
  const t = useTranslations("customerForm");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(createSiteAction, idle);
  return (
    <form action={action} className="mt-3 grid gap-2 md:grid-cols-5 md:items-end" data-testid="site-form">
      <input type="hidden" name="customerId" value={customerId} />
      <input name="name" required placeholder={t("siteName")} aria-label={t("siteName")} className={inputClass} />
      <input name="addressLine1" placeholder={t("addressLine1")} aria-label={t("addressLine1")} className={inputClass} />
      <input name="postalCode" placeholder={t("postalCode")} aria-label={t("postalCode")} className={inputClass} />
      <input name="city" placeholder={t("city")} aria-label={t("city")} className={inputClass} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("addSite")}
      </button>
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}

export function SubscriptionForm({ customerId, products, sites, today }: { customerId: string; products: { id: string; name: string; cycles: string[] }[]; sites: { id: string; name: string }[]; today: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(createSubscriptionAction, idle);
  const cycles = [...new Set(products.flatMap((p) => p.cycles))];
  return (
    <form action={action} className="mt-3 grid gap-2 md:grid-cols-6 md:items-end" data-testid="subscription-form">
      <input type="hidden" name="customerId" value={customerId} />
      <select name="productId" aria-label={t("orders.product")} className={`${inputClass} md:col-span-2`}>
        {products.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select name="cycle" aria-label={t("subscriptions.cycle")} className={inputClass}>
        {cycles.map((c) => (
          <option key={c} value={c}>
            {t(`cycles.${c}` as "cycles.MONTHLY")}
          </option>
        ))}
      </select>
      <select name="siteId" aria-label={t("subscriptions.site")} className={inputClass} defaultValue="">
        <option value="">{t("customerForm.noSite")}</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <input type="date" name="startDate" defaultValue={today} aria-label={t("customerForm.startDate")} className={inputClass} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("customerForm.addSubscription")}
      </button>
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
