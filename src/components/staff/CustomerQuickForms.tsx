"use client";

import { DateInput } from "@/components/DateInput";
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
      <label className="flex flex-col gap-1">
        {t("siteName")}
        <input name="name" required className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("addressLine1")}
        <input name="addressLine1" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("postalCode")}
        <input name="postalCode" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("city")}
        <input name="city" className={inputClass} />
      </label>
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
      <label className="flex flex-col gap-1 md:col-span-2">
        {t("orders.product")}
        <select name="productId" className={inputClass}>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("subscriptions.cycle")}
        <select name="cycle" className={inputClass}>
          {cycles.map((c) => (
            <option key={c} value={c}>
              {t(`cycles.${c}` as "cycles.MONTHLY")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("subscriptions.site")}
        <select name="siteId" className={inputClass} defaultValue="">
          <option value="">{t("customerForm.noSite")}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1" htmlFor="subscription-start-date">
        {t("customerForm.startDate")}
        <DateInput id="subscription-start-date" name="startDate" defaultValue={today} className={inputClass} />
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("customerForm.addSubscription")}
      </button>
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
