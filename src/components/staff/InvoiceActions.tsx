"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createCreditNoteAction, issueInvoiceAction, recordPaymentAction, voidInvoiceAction } from "@/app/(staff)/staff/invoices/actions";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Card, Field, inputClass, secondaryButtonClass } from "@/components/ui";

interface Props {
  invoiceId: string;
  status: string;
  currency: string;
  canVoid: boolean;
  balanceMinor: number;
  today: string;
  lines: { id: string; label: string }[];
}

function Outcome({ state, success }: { state: ActionState; success: string }) {
  const errorText = useErrorText();
  if (state.status === "ok") return <Alert tone="success" testId="action-ok">{success}</Alert>;
  if (state.status === "error") return <Alert tone="error" testId="action-error">{errorText(state.code)}</Alert>;
  return null;
}

/** What billing staff can do with an invoice in its current state. */
export function InvoiceActions(p: Props) {
  const t = useTranslations("billing");
  const [issued, issue, issuing] = useActionState(issueInvoiceAction, idle);
  const [paid, pay, paying] = useActionState(recordPaymentAction, idle);
  const [credited, credit, crediting] = useActionState(createCreditNoteAction, idle);
  const [voided, voidIt, voiding] = useActionState(voidInvoiceAction, idle);
  const [mode, setMode] = useState("full");
  const ref = <input type="hidden" name="invoiceId" value={p.invoiceId} />;
  const currency = <input type="hidden" name="currency" value={p.currency} />;

  if (p.status === "DRAFT") {
    return (
      <Card>
        <form action={issue} className="flex items-center gap-4">
          {ref}
          <button type="submit" disabled={issuing} className={buttonClass} data-testid="issue-invoice">
            {t("actions.issue")}
          </button>
          <Outcome state={issued} success={t("actions.issued", { number: issued.status === "ok" ? (issued.values?.number ?? "") : "" })} />
        </form>
      </Card>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {p.status === "OPEN" ? (
        <Card title={t("actions.recordPayment")}>
          <form action={pay} className="flex flex-col gap-3" data-testid="payment-form">
            {ref}
            {currency}
            <Field label={t("amount")} htmlFor="pay-amount">
              <input id="pay-amount" name="amount" required inputMode="decimal" className={inputClass} />
            </Field>
            <Field label={t("method")} htmlFor="pay-method">
              <select id="pay-method" name="method" className={inputClass} defaultValue="TRANSFER">
                {["TRANSFER", "CHEQUE", "CASH", "CARD", "BANK_DEBIT"].map((m) => (
                  <option key={m} value={m}>
                    {t(`methods.${m}` as "methods.CARD")}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("reference")} htmlFor="pay-ref">
              <input id="pay-ref" name="reference" className={inputClass} />
            </Field>
            <Field label={t("receivedOn")} htmlFor="pay-date">
              <input id="pay-date" name="receivedOn" type="date" required defaultValue={p.today} className={inputClass} />
            </Field>
            <button type="submit" disabled={paying} className={buttonClass}>
              {t("actions.recordPayment")}
            </button>
            <Outcome state={paid} success={t("actions.paymentRecorded")} />
          </form>
        </Card>
      ) : null}
      {p.balanceMinor > 0 ? (
        <Card title={t("actions.createCreditNote")}>
          <form action={credit} className="flex flex-col gap-3" data-testid="credit-note-form">
            {ref}
            {currency}
            <Field label={t("actions.creditMode")} htmlFor="credit-mode">
              <select id="credit-mode" name="mode" value={mode} onChange={(e) => setMode(e.target.value)} className={inputClass}>
                <option value="full">{t("actions.creditFull")}</option>
                <option value="amount">{t("actions.creditAmount")}</option>
                <option value="lines">{t("actions.creditLine")}</option>
              </select>
            </Field>
            {mode === "amount" ? (
              <Field label={t("amount")} htmlFor="credit-amount">
                <input id="credit-amount" name="amount" required inputMode="decimal" className={inputClass} />
              </Field>
            ) : null}
            {mode === "lines" ? (
              <>
                <Field label={t("actions.line")} htmlFor="credit-line">
                  <select id="credit-line" name="invoiceLineId" className={inputClass}>
                    {p.lines.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t("net")} htmlFor="credit-line-amount">
                  <input id="credit-line-amount" name="lineAmount" inputMode="decimal" className={inputClass} />
                </Field>
              </>
            ) : null}
            <Field label={t("reason")} htmlFor="credit-reason">
              <input id="credit-reason" name="reason" required maxLength={500} className={inputClass} />
            </Field>
            <button type="submit" disabled={crediting} className={buttonClass}>
              {t("actions.createCreditNote")}
            </button>
            <Outcome state={credited} success={t("actions.creditNoteCreated", { number: credited.status === "ok" ? (credited.values?.number ?? "") : "" })} />
          </form>
        </Card>
      ) : null}
      {p.canVoid ? (
        <Card title={t("actions.void")}>
          <form action={voidIt} className="flex flex-col gap-3">
            {ref}
            <Field label={t("actions.voidReason")} htmlFor="void-reason">
              <input id="void-reason" name="reason" required maxLength={500} className={inputClass} />
            </Field>
            <button type="submit" disabled={voiding} className={secondaryButtonClass}>
              {t("actions.void")}
            </button>
            <Outcome state={voided} success={t("actions.voided")} />
          </form>
        </Card>
      ) : null}
    </div>
  );
}
