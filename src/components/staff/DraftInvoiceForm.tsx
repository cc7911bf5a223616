"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createDraftInvoiceAction, updateDraftInvoiceAction } from "@/app/(staff)/staff/invoices/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Card, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRatePercent: string;
  periodStart: string;
  periodEnd: string;
}

const LABELS = {
  description: "description",
  quantity: "quantity",
  unitPrice: "actions.unitPriceAmount",
  taxRatePercent: "actions.taxRatePercent",
  periodStart: "actions.periodStart",
  periodEnd: "actions.periodEnd",
} as const;

const blank = (key: number): LineDraft => ({ key, description: "", quantity: "1", unitPrice: "", taxRatePercent: "20", periodStart: "", periodEnd: "" });

export type DraftLineValues = Omit<LineDraft, "key">;

/**
 * A manual invoice: any number of lines, each optionally with its service period. With `draft`, it
 * edits that draft (its lines and notes are replaced by what the form shows).
 */
export function DraftInvoiceForm({ customerId, currency, draft }: { customerId: string; currency: string; draft?: { invoiceId: string; notes: string; lines: DraftLineValues[] } }) {
  const t = useTranslations("billing");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(draft ? updateDraftInvoiceAction : createDraftInvoiceAction, idle);
  const fieldError = useFieldError(state);
  const [lines, setLines] = useState<LineDraft[]>(draft?.lines.length ? draft.lines.map((l, i) => ({ ...l, key: i + 1 })) : [blank(1)]);
  const update = (key: number, field: keyof LineDraft, value: string) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, [field]: value } : l)));
  const payload = JSON.stringify(lines.map(({ key: _key, ...l }) => l));
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="draft-invoice-form">
      {draft ? <input type="hidden" name="invoiceId" value={draft.invoiceId} /> : null}
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="lines" value={payload} />
      {lines.map((l, i) => {
        // Only the hidden `lines` JSON is submitted: these inputs have ids for their labels, no names.
        const input = (field: Exclude<keyof LineDraft, "key">, props: Record<string, unknown> = {}, ...errorPaths: string[]) => {
          const id = `line-${i}-${field}`;
          const error = [field, ...errorPaths].map((f) => fieldError(`lines.${i}.${f}`)).find(Boolean);
          return (
            <div className="flex flex-col gap-1">
              <label htmlFor={id}>{t(LABELS[field])}</label>
              <input
                id={id}
                value={l[field]}
                onChange={(e) => update(l.key, field, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={inputClass}
                {...props}
              />
              {error ? (
                <p id={`${id}-error`} className="text-xs text-red-700" data-testid={`error-lines.${i}.${field}`}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        };
        return (
          <Card key={l.key} title={t("lineNumber", { n: i + 1 })}>
            <div className="grid gap-3 md:grid-cols-6">
              <div className="md:col-span-6">{input("description", { required: true })}</div>
              {input("quantity", { inputMode: "decimal" })}
              {input("unitPrice", { inputMode: "decimal", required: true }, "unitAmountMinor")}
              {input("taxRatePercent", { inputMode: "decimal" }, "taxRateBp")}
              {input("periodStart", { type: "date" })}
              {input("periodEnd", { type: "date" })}
              <div className="flex items-end">
                {lines.length > 1 ? (
                  <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                    {t("actions.removeLine")}
                  </button>
                ) : null}
              </div>
            </div>
          </Card>
        );
      })}
      <div className="flex flex-col gap-1">
        <label htmlFor="draft-notes">{t("invoiceNotes")}</label>
        <textarea id="draft-notes" name="notes" rows={3} maxLength={2000} defaultValue={draft?.notes} className={inputClass} />
        {fieldError("notes") ? <p className="text-xs text-red-700">{fieldError("notes")}</p> : null}
      </div>
      <div className="flex gap-3">
        <button type="button" className={secondaryButtonClass} onClick={() => setLines((ls) => [...ls, blank(Math.max(...ls.map((x) => x.key)) + 1)])}>
          {t("actions.addLine")}
        </button>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("actions.createDraft")}
        </button>
      </div>
      {state.status === "error" ? (
        <Alert tone="error" testId="form-error">
          {state.fields ? t("fixFields", { count: Object.keys(state.fields).length }) : errorText(state.code)}
        </Alert>
      ) : null}
    </form>
  );
}
