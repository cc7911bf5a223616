"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { createCreditNoteAction } from "@/app/(staff)/staff/invoices/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Card, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import { fmtMoney } from "@/domain/billing/display-format";
import { parseMoney } from "@/domain/billing/money";

type Mode = "full" | "amount" | "lines";
const EMPTY = { mode: "full" as Mode, amount: "", lineId: "", lineAmount: "", reason: "" };

/** Typed amount in minor units, or null while it is not a valid amount yet. */
function typedMinor(text: string, currency: string): number | null {
  try {
    return parseMoney(text, currency).amountMinor;
  } catch {
    return null;
  }
}

/**
 * A credit note is irreversible, so it is made from exactly what the screen shows: every value lives
 * in this component's state, the submitted fields are hidden inputs fed from that state (a browser's
 * form reset cannot make the two disagree), and the confirmation states the amount. Once issued,
 * the form starts over from "everything left to pay".
 */
export function CreditNoteForm(p: { invoiceId: string; invoiceNumber: string; currency: string; balanceMinor: number; lines: { id: string; label: string; netMinor: number }[] }) {
  const t = useTranslations("billing");
  const [state, action, pending] = useActionState(createCreditNoteAction, idle);
  const fieldError = useFieldError(state);
  const [v, setV] = useState({ ...EMPTY, lineId: p.lines[0]?.id ?? "" });
  const set = (patch: Partial<typeof v>) => setV((cur) => ({ ...cur, ...patch }));
  useEffect(() => {
    if (state.status === "ok") setV({ ...EMPTY, lineId: p.lines[0]?.id ?? "" });
  }, [state, p.lines]);

  const locale = useLocale(); // amounts as the rest of this screen shows them
  const money = (minor: number) => fmtMoney(minor, p.currency, locale);
  const line = p.lines.find((l) => l.id === v.lineId);
  const summary =
    v.mode === "full"
      ? t("confirm.creditFull", { amount: money(p.balanceMinor), number: p.invoiceNumber })
      : v.mode === "amount"
        ? t("confirm.creditAmount", { amount: money(typedMinor(v.amount, p.currency) ?? 0), number: p.invoiceNumber })
        : t("confirm.creditLine", { line: line?.label ?? "", amount: money(v.lineAmount ? (typedMinor(v.lineAmount, p.currency) ?? 0) : (line?.netMinor ?? 0)), number: p.invoiceNumber });
  const amountValid = v.mode !== "amount" || typedMinor(v.amount, p.currency) !== null;

  return (
    <Card title={t("actions.createCreditNote")}>
      <form action={action} className="flex flex-col gap-3" data-testid="credit-note-form">
        <input type="hidden" name="invoiceId" value={p.invoiceId} />
        <input type="hidden" name="currency" value={p.currency} />
        <input type="hidden" name="mode" value={v.mode} />
        <input type="hidden" name="reason" value={v.reason} />
        {v.mode === "amount" ? <input type="hidden" name="amount" value={v.amount} /> : null}
        {v.mode === "lines" ? <input type="hidden" name="invoiceLineId" value={v.lineId} /> : null}
        {v.mode === "lines" && v.lineAmount ? <input type="hidden" name="lineAmount" value={v.lineAmount} /> : null}
        <Field label={t("actions.creditMode")} htmlFor="credit-mode">
          <select id="credit-mode" value={v.mode} onChange={(e) => set({ mode: e.target.value as Mode })} className={inputClass}>
            <option value="full">{t("actions.creditFull")}</option>
            <option value="amount">{t("actions.creditAmount")}</option>
            <option value="lines">{t("actions.creditLine")}</option>
          </select>
        </Field>
        {v.mode === "amount" ? (
          <Field label={t("amount")} htmlFor="credit-amount" error={fieldError("amount") ?? fieldError("grossMinor")}>
            <input id="credit-amount" value={v.amount} onChange={(e) => set({ amount: e.target.value })} required inputMode="decimal" className={inputClass} />
          </Field>
        ) : null}
        {v.mode === "lines" ? (
          <>
            <Field label={t("actions.line")} htmlFor="credit-line">
              <select id="credit-line" value={v.lineId} onChange={(e) => set({ lineId: e.target.value })} className={inputClass}>
                {p.lines.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("net")} htmlFor="credit-line-amount" hint={t("actions.wholeLineIfEmpty")} error={fieldError("lineAmount")}>
              <input id="credit-line-amount" value={v.lineAmount} onChange={(e) => set({ lineAmount: e.target.value })} inputMode="decimal" className={inputClass} />
            </Field>
          </>
        ) : null}
        <Field label={t("reason")} htmlFor="credit-reason" error={fieldError("reason")}>
          <input id="credit-reason" value={v.reason} onChange={(e) => set({ reason: e.target.value })} required maxLength={500} className={inputClass} />
        </Field>
        <ConfirmSubmit
          label={t("actions.createCreditNote")}
          confirmLabel={t("confirm.creditConfirm")}
          summary={summary}
          disabled={pending}
          testId="credit-note-submit"
          canOpen={() => amountValid}
        />
        {!amountValid && v.amount ? <p className="text-xs text-red-700">{t("confirm.amountNotValid")}</p> : null}
        <ActionOutcome state={state} success={t("actions.creditNoteCreated", { number: state.status === "ok" ? (state.values?.number ?? "") : "" })} />
      </form>
    </Card>
  );
}
