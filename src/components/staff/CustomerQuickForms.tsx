"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createSiteAction, createSubscriptionAction } from "@/app/(staff)/staff/customers/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { DateInput } from "@/components/DateInput";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";

export function SiteForm({ customerId }: { customerId: string }) {
  const t = useTranslations("customerForm");
  const [state, action, pending] = useActionState(createSiteAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const input = (name: "name" | "addressLine1" | "postalCode" | "city", label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} htmlFor={`site-${name}`} error={fieldError(name)}>
      <input id={`site-${name}`} name={name} defaultValue={typed.value(name)} className={inputClass} {...props} />
    </Field>
  );
  return (
    <form action={action} className="mt-3 grid gap-2 md:grid-cols-5 md:items-start" data-testid="site-form" key={typed.key}>
      <input type="hidden" name="customerId" value={customerId} />
      {input("name", t("siteName"), { required: true, maxLength: 120 })}
      {input("addressLine1", t("addressLine1"))}
      {input("postalCode", t("postalCode"))}
      {input("city", t("city"))}
      <button type="submit" disabled={pending} className={`${buttonClass} md:mt-7`}>
        {t("addSite")}
      </button>
      <div className="md:col-span-5">
        {state.status === "ok" ? <Alert tone="success" testId="site-added">{t("siteAdded", { name: state.values?.name ?? "" })}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}

export function SubscriptionForm({ customerId, products, sites, today }: { customerId: string; products: { id: string; name: string; cycles: string[] }[]; sites: { id: string; name: string }[]; today: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createSubscriptionAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const cycles = [...new Set(products.flatMap((p) => p.cycles))];
  const added = state.status === "ok" ? products.find((p) => p.id === state.values?.productId)?.name : undefined;
  return (
    <form action={action} className="mt-3 grid gap-2 md:grid-cols-6 md:items-start" data-testid="subscription-form" key={typed.key}>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="md:col-span-2">
        <Field label={t("orders.product")} htmlFor="subscription-product" error={fieldError("productId")}>
          <select id="subscription-product" name="productId" defaultValue={typed.value("productId")} className={inputClass}>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("subscriptions.cycle")} htmlFor="subscription-cycle" error={fieldError("cycle")}>
        <select id="subscription-cycle" name="cycle" defaultValue={typed.value("cycle")} className={inputClass}>
          {cycles.map((c) => (
            <option key={c} value={c}>
              {t(`cycles.${c}` as "cycles.MONTHLY")}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("subscriptions.site")} htmlFor="subscription-site" error={fieldError("siteId")}>
        <select id="subscription-site" name="siteId" className={inputClass} defaultValue={typed.value("siteId")}>
          <option value="">{t("customerForm.noSite")}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("customerForm.startDate")} htmlFor="subscription-start-date" error={fieldError("startDate")}>
        <DateInput id="subscription-start-date" name="startDate" defaultValue={typed.value("startDate", today)} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} md:mt-7`}>
        {t("customerForm.addSubscription")}
      </button>
      <div className="md:col-span-6">
        {added ? <Alert tone="success" testId="subscription-added">{t("customerForm.subscriptionAdded", { product: added })}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
