"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createPurchaseOrderAction } from "@/app/(staff)/staff/orders/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";

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
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(createPurchaseOrderAction, idle);
  const first = products[0];
  const blank = (key: number): Line => ({ key, productId: first?.id ?? "", cycle: first?.cycles[0] ?? "", quantity: "1" });
  const [lines, setLines] = useState<Line[]>([blank(1)]);
  const update = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const payload = JSON.stringify(
    lines.map((l) => {
      const p = products.find((x) => x.id === l.productId);
      return { productId: l.productId, quantity: l.quantity, ...(p && !p.oneOff ? { cycle: l.cycle } : {}) };
    }),
  );
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="order-form">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="lines" value={payload} />
      {lines.map((l) => {
        const product = products.find((p) => p.id === l.productId);
        return (
          <div key={l.key} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-4 md:items-end">
            <label className="flex flex-col gap-1 md:col-span-2">
              {t("orders.product")}
              <select value={l.productId} onChange={(e) => update(l.key, { productId: e.target.value, cycle: products.find((p) => p.id === e.target.value)?.cycles[0] ?? "" })} className={inputClass}>
                {products.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              {t("orders.cycle")}
              <select value={l.cycle} disabled={!product || product.oneOff} onChange={(e) => update(l.key, { cycle: e.target.value })} className={inputClass}>
                {product?.oneOff ? <option value="">{t("orders.oneOff")}</option> : null}
                {(product?.cycles ?? []).map((c) => (
                  <option key={c} value={c}>
                    {t(`cycles.${c}` as "cycles.MONTHLY")}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              {t("billing.quantity")}
              <input value={l.quantity} onChange={(e) => update(l.key, { quantity: e.target.value })} inputMode="decimal" className={inputClass} />
            </label>
          </div>
        );
      })}
      <label className="flex flex-col gap-1">
        {t("billing.notes")}
        <textarea name="notes" maxLength={2000} className={inputClass} />
      </label>
      <div className="flex gap-3">
        <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => [...ls, blank(Math.max(...ls.map((x) => x.key)) + 1)])}>
          {t("billing.actions.addLine")}
        </button>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("orders.create")}
        </button>
      </div>
      {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
