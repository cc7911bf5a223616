"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createDraftInvoiceAction } from "@/app/(staff)/staff/invoices/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Card, inputClass, secondaryButtonClass } from "@/components/ui";

interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRatePercent: string;
  periodStart: string;
  periodEnd: string;
}

const blank = (key: number): LineDraft => ({ key, description: "", quantity: "1", unitPrice: "", taxRatePercent: "20", periodStart: "", periodEnd: "" });

/** A manual invoice: any number of lines, each optionally with its service period. */
export function DraftInvoiceForm({ customerId, currency }: { customerId: string; currency: string }) {
  const t = useTranslations("billing");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(createDraftInvoiceAction, idle);
  const [lines, setLines] = useState<LineDraft[]>([blank(1)]);
  const update = (key: number, field: keyof LineDraft, value: string) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, [field]: value } : l)));
  const payload = JSON.stringify(lines.map(({ key: _key, ...l }) => l));
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="draft-invoice-form">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="lines" value={payload} />
      {lines.map((l, i) => (
        <Card key={l.key}>
          <div className="grid gap-3 md:grid-cols-6">
            <label className="flex flex-col gap-1 md:col-span-6">
              {t("description")}
              <input value={l.description} onChange={(e) => update(l.key, "description", e.target.value)} required className={inputClass} name={`description-${i}`} />
            </label>
            <label className="flex flex-col gap-1">
              {t("quantity")}
              <input value={l.quantity} onChange={(e) => update(l.key, "quantity", e.target.value)} inputMode="decimal" className={inputClass} name={`quantity-${i}`} />
            </label>
            <label className="flex flex-col gap-1">
              {t("actions.unitPriceAmount")}
              <input value={l.unitPrice} onChange={(e) => update(l.key, "unitPrice", e.target.value)} inputMode="decimal" required className={inputClass} name={`unitPrice-${i}`} />
            </label>
            <label className="flex flex-col gap-1">
              {t("actions.taxRatePercent")}
              <input value={l.taxRatePercent} onChange={(e) => update(l.key, "taxRatePercent", e.target.value)} inputMode="decimal" className={inputClass} name={`tax-${i}`} />
            </label>
            <label className="flex flex-col gap-1">
              {t("actions.periodStart")}
              <input type="date" value={l.periodStart} onChange={(e) => update(l.key, "periodStart", e.target.value)} className={inputClass} name={`periodStart-${i}`} />
            </label>
            <label className="flex flex-col gap-1">
              {t("actions.periodEnd")}
              <input type="date" value={l.periodEnd} onChange={(e) => update(l.key, "periodEnd", e.target.value)} className={inputClass} name={`periodEnd-${i}`} />
            </label>
            <div className="flex items-end">
              {lines.length > 1 ? (
                <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                  {t("actions.removeLine")}
                </button>
              ) : null}
            </div>
          </div>
        </Card>
      ))}
      <div className="flex gap-3">
        <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => [...ls, blank(Math.max(...ls.map((x) => x.key)) + 1)])}>
          {t("actions.addLine")}
        </button>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("actions.createDraft")}
        </button>
      </div>
      {state.status === "error" ? <Alert tone="error" testId="form-error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
