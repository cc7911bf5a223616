"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { refundPaymentAction } from "@/app/(staff)/staff/invoices/refund-actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Card, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import type { RefundablePaymentView } from "@/contracts/refunds";
import { fmtMoney } from "@/domain/billing/display-format";
import { parseMoney } from "@/domain/billing/money";

const typedMinor = (text: string, currency: string) => {
  try {
    return parseMoney(text, currency).amountMinor;
  } catch {
    return null;
  }
};

/**
 * Refund all or part of one of the invoice's payments (ADR 0019). Irreversible, so the confirmation
 * states the amount and that a credit note of that amount will be issued; the page then says what
 * happened. `requestKey` comes from the server with each render: a double submission is one refund.
 */
export function RefundForm(p: { invoiceNumber: string; payments: RefundablePaymentView[]; requestKey: string }) {
  const t = useTranslations("refunds");
  const tb = useTranslations("billing");
  const [state, action, pending] = useActionState(refundPaymentAction, idle);
  const fieldError = useFieldError(state);
  const refundable = p.payments.filter((x) => x.refundableMinor > 0);
  const [paymentId, setPaymentId] = useState(state.status === "error" ? (state.values?.paymentId ?? "") : "");
  const [amount, setAmount] = useState(state.status === "error" ? (state.values?.amount ?? "") : "");
  const [reason, setReason] = useState(state.status === "error" ? (state.values?.reason ?? "") : "");
  const locale = useLocale();
  const payment = refundable.find((x) => x.id === paymentId) ?? refundable[0];
  const currency = payment?.currency ?? "EUR";
  const money = (minor: number) => fmtMoney(minor, currency, locale);
  const label = (x: RefundablePaymentView) =>
    t("paymentLabel", { amount: fmtMoney(x.amountMinor, x.currency, locale), method: tb(`methods.${x.method}` as "methods.CARD"), date: x.receivedOn });
  const typed = typedMinor(amount, currency);
  const done = p.payments.flatMap((x) => x.refunds);

  return (
    <Card title={t("title")}>
      {done.length > 0 ? (
        <ul className="mb-3 flex flex-col gap-1 text-sm" data-testid="refund-list">
          {done.map((r) => (
            <li key={r.id}>
              {t("done", { amount: money(r.amountMinor), status: t(`statuses.${r.status}` as "statuses.SUCCEEDED") })}{" "}
              {r.creditNoteId ? <Link href={`/staff/credit-notes/${r.creditNoteId}`}>{r.creditNoteNumber}</Link> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {payment ? (
        <form action={action} className="flex flex-col gap-3" data-testid="refund-form">
          <input type="hidden" name="currency" value={currency} />
          <input type="hidden" name="requestKey" value={p.requestKey} />
          <Field label={t("payment")} htmlFor="refund-payment">
            <select id="refund-payment" name="paymentId" className={inputClass} value={payment.id} onChange={(e) => setPaymentId(e.target.value)}>
              {refundable.map((x) => (
                <option key={x.id} value={x.id}>
                  {label(x)}
                </option>
              ))}
            </select>
          </Field>
          <p className="text-sm text-slate-600" data-testid="refund-how">
            {payment.online ? t("online") : t("manual", { method: tb(`methods.${payment.method}` as "methods.CARD") })}
          </p>
          <Field label={t("amount")} htmlFor="refund-amount" hint={t("refundable", { amount: money(payment.refundableMinor) })} error={fieldError("amount") ?? fieldError("amountMinor")}>
            <input id="refund-amount" name="amount" value={amount} onChange={(e) => setAmount(e.target.value)} required inputMode="decimal" className={inputClass} />
          </Field>
          <Field label={t("reason")} htmlFor="refund-reason" error={fieldError("reason")}>
            <input id="refund-reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} className={inputClass} />
          </Field>
          <ConfirmSubmit
            label={t("submit")}
            confirmLabel={t("confirmButton")}
            summary={t("confirm", { amount: money(typed ?? 0), number: p.invoiceNumber })}
            disabled={pending}
            tone="secondary"
            testId="refund-payment"
            canOpen={() => typed !== null && reason.trim() !== ""}
          />
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("nothing")}</p>
      )}
      <ActionOutcome
        state={state}
        success={
          state.status === "ok" && state.values?.status === "SUCCEEDED"
            ? t("refunded", { amount: money(Number(state.values?.amountMinor ?? 0)), number: state.values?.creditNoteNumber ?? "" })
            : t("pending", { amount: money(Number(state.status === "ok" ? (state.values?.amountMinor ?? 0) : 0)) })
        }
      />
    </Card>
  );
}
