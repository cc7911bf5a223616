"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createPurchaseOrderAction } from "@/app/(staff)/staff/orders/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

interface Offer {
  id: string;
  name: string;
  oneOff: boolean;
  cycles: string[];
}

interface Line {
  key: number;
  productId: string;
  cycle: string;
  quantity: string;
}

/** Lines picked from the catalogue; prices come from the catalogue in the customer's currency. */
export function PurchaseOrderForm({ customerId, products }: { customerId: string; products: Offer[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createPurchaseOrderAction, idle);
  const fieldError = useFieldError(state);
  const first = products[0];
  const blank = (key: number): Line => ({ key, productId: first?.id ?? "", cycle: first?.cycles[0] ?? "", quantity: "1" });
  const [lines, setLines] = useState<Line[]>([blank(1)]);
  // Controlled, like the lines: React empties a form's own fields once its action answers.
  const [notes, setNotes] = useState("");
  const update = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const payload = JSON.stringify(
    lines.map((l) => {
      const p = products.find((x) => x.id === l.productId);
      return { productId: l.productId, quantity: l.quantity, ...(p && !p.oneOff ? { cycle: l.cycle } : {}) };
    }),
  );
  /** A missing catalogue price is the product's problem; a line too large is the quantity's. */
  const priceError = (i: number, productSide: boolean) => {
    const code = state.status === "error" ? state.fields?.[`lines.${i}.unitAmountMinor`] : undefined;
    return code && (code === "NO_CATALOGUE_PRICE") === productSide ? fieldError(`lines.${i}.unitAmountMinor`) : undefined;
  };
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="order-form">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="lines" value={payload} />
      {lines.map((l, i) => {
        const product = products.find((p) => p.id === l.productId);
        const id = (field: string) => `order-line-${i}-${field}`;
        return (
          <fieldset key={l.key} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-5 md:items-start" data-testid="order-form-line">
            <legend className="px-1 text-sm font-semibold text-slate-700">{t("billing.lineNumber", { n: i + 1 })}</legend>
            <div className="md:col-span-2">
              <Field label={t("orders.product")} htmlFor={id("product")} error={fieldError(`lines.${i}.productId`) ?? priceError(i, true)}>
                <select id={id("product")} value={l.productId} onChange={(e) => update(l.key, { productId: e.target.value, cycle: products.find((p) => p.id === e.target.value)?.cycles[0] ?? "" })} className={inputClass}>
                  {products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field label={t("orders.cycle")} htmlFor={id("cycle")} error={fieldError(`lines.${i}.cycle`)}>
              <select id={id("cycle")} value={l.cycle} disabled={!product || product.oneOff} onChange={(e) => update(l.key, { cycle: e.target.value })} className={inputClass}>
                {product?.oneOff ? <option value="">{t("orders.oneOff")}</option> : null}
                {(product?.cycles ?? []).map((c) => (
                  <option key={c} value={c}>
                    {t(`cycles.${c}` as "cycles.MONTHLY")}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("billing.quantity")} htmlFor={id("quantity")} error={fieldError(`lines.${i}.quantity`) ?? priceError(i, false)}>
              <input id={id("quantity")} value={l.quantity} onChange={(e) => update(l.key, { quantity: e.target.value })} inputMode="decimal" className={inputClass} />
            </Field>
            <div className="md:mt-7">
              {lines.length > 1 ? (
                <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                  {t("billing.actions.removeLine")}
                </button>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <Field label={t("billing.notes")} htmlFor="order-notes" error={fieldError("notes")}>
        <textarea id="order-notes" name="notes" maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} className={inputClass} />
      </Field>
      <div className="flex gap-3">
        <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => [...ls, blank(Math.max(...ls.map((x) => x.key)) + 1)])}>
          {t("billing.actions.addLine")}
        </button>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("orders.create")}
        </button>
      </div>
      <FormProblem state={state} />
    </form>
  );
}
