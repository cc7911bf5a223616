"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { buyHoursAction } from "@/app/(staff)/staff/customers/[customerId]/support/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { Alert, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import type { BankOfferDto } from "@/contracts/support-banks";
import { fmtMoney } from "@/domain/billing/display-format";
import { bankPrice, tierProblem } from "@/domain/support/hour-bank";

const newKey = () => crypto.randomUUID();

/**
 * Billing staff sell prepaid hours. The price the invoice will carry is shown as the hours are typed
 * (the same tier rule the server applies), and the confirmation repeats it. The form's key is kept
 * until a purchase succeeds, so a second click or a retried request buys once.
 */
export function BuyHoursForm({ customerId, customerName, offers }: { customerId: string; customerName: string; offers: BankOfferDto[] }) {
  const t = useTranslations("supportBanks");
  const locale = useLocale();
  const [state, action, pending] = useActionState(buyHoursAction, idle);
  const fieldError = useFieldError(state);
  const [productId, setProductId] = useState(offers[0]?.productId ?? "");
  const [hours, setHours] = useState("10");
  const [purchaseKey, setPurchaseKey] = useState(newKey);
  useEffect(() => {
    if (state.status === "ok") setPurchaseKey(newKey());
  }, [state]);
  const offer = offers.find((o) => o.productId === productId);
  const count = /^\d{1,5}$/.test(hours.trim()) ? Number(hours.trim()) : 0;
  const price = offer && count >= 1 && !tierProblem(offer.tiers) ? bankPrice(count, offer.tiers) : null;
  const money = (minor: number) => fmtMoney(minor, offer?.currency ?? "EUR", locale);
  const priceText = price ? t("staff.price", { hours: count, rate: money(price.rateMinor), total: money(price.totalMinor) }) : "";
  return (
    <form action={action} className="grid gap-3 md:grid-cols-3 md:items-start" data-testid="buy-hours-form">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="purchaseKey" value={purchaseKey} />
      <Field label={t("staff.product")} htmlFor="bank-product" error={fieldError("productId")}>
        <select id="bank-product" name="productId" value={productId} onChange={(e) => setProductId(e.target.value)} className={inputClass}>
          {offers.map((o) => (
            <option key={o.productId} value={o.productId}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("staff.hoursToBuy")} htmlFor="bank-hours" error={fieldError("hours")}>
        <input id="bank-hours" name="hours" type="number" inputMode="numeric" min={1} max={10000} step={1} required value={hours} onChange={(e) => setHours(e.target.value)} className={inputClass} />
      </Field>
      <div className="flex items-start md:mt-7">
        <ConfirmSubmit
          label={t("staff.buy")}
          summary={price ? t("staff.confirmBuy", { customer: customerName, total: money(price.totalMinor), hours: count }) : ""}
          confirmLabel={t("staff.confirmBuyButton")}
          disabled={pending || !price}
          testId="buy-hours"
        />
      </div>
      <p className="text-sm text-slate-700 md:col-span-3" data-testid="bank-price" aria-live="polite">
        {priceText}
      </p>
      <div className="md:col-span-3">
        {state.status === "ok" ? (
          <Alert tone="success" testId="hours-bought">
            {t("staff.bought", { number: state.values?.number ?? "", hours: state.values?.hours ?? "" })}
          </Alert>
        ) : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
