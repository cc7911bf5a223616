"use client";

import { DateInput } from "@/components/DateInput";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import Link from "next/link";
import { deleteDraftInvoiceAction, issueInvoiceAction, recordPaymentAction, voidInvoiceAction } from "@/app/(staff)/staff/invoices/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { CreditNoteForm } from "@/components/staff/CreditNoteForm";
import { Alert, Card, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import { fmtMoney } from "@/domain/billing/display-format";
import { parseMoney } from "@/domain/billing/money";

interface Props {
  invoiceId: string;
  invoiceNumber: string | null;
  status: string;
  currency: string;
  canVoid: boolean;
  grossMinor: number;
  balanceMinor: number;
  today: string;
  lines: { id: string; label: string; netMinor: number }[];
}

const typedMinor = (text: string, currency: string) => {
  try {
    return parseMoney(text, currency).amountMinor;
  } catch {
    return null;
  }
};

/** What billing staff can do with an invoice in its current state; each irreversible step is confirmed. */
export function InvoiceActions(p: Props) {
  const t = useTranslations("billing");
  const [issued, issue, issuing] = useActionState(issueInvoiceAction, idle);
  const [paid, pay, paying] = useActionState(recordPaymentAction, idle);
  const [voided, voidIt, voiding] = useActionState(voidInvoiceAction, idle);
  const [deleted, deleteIt, deleting] = useActionState(deleteDraftInvoiceAction, idle);
  const payError = useFieldError(paid);
  const [payAmount, setPayAmount] = useState("");
  const [payDate, setPayDate] = useState(p.today);
  const locale = useLocale(); // amounts as the rest of this screen shows them
  const money = (minor: number) => fmtMoney(minor, p.currency, locale);
  const ref = <input type="hidden" name="invoiceId" value={p.invoiceId} />;

  if (p.status === "DRAFT") {
    return (
      <Card title={t("actions.issue")}>
        <form action={issue} className="flex flex-col gap-3">
          {ref}
          <p className="text-sm text-slate-600">{t("confirm.issueHint")}</p>
          <ConfirmSubmit label={t("actions.issue")} confirmLabel={t("confirm.issueConfirm")} summary={t("confirm.issue", { amount: money(p.grossMinor) })} disabled={issuing} testId="issue-invoice" />
          <ActionOutcome state={issued} success={t("actions.issued", { number: issued.status === "ok" ? (issued.values?.number ?? "") : "" })} />
        </form>
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <Link href={`/staff/invoices/${p.invoiceId}/edit`} data-testid="edit-draft">
            {t("editDraft")}
          </Link>
          <form action={deleteIt}>
            {ref}
            <ConfirmSubmit label={t("deleteDraft")} confirmLabel={t("confirm.deleteDraftConfirm")} summary={t("confirm.deleteDraft")} disabled={deleting} tone="secondary" testId="delete-draft" />
          </form>
        </div>
        <ActionOutcome state={deleted} success="" />
      </Card>
    );
  }
  const number = p.invoiceNumber ?? "";
  return (
    <div className="flex flex-col gap-4">
      {p.status === "OPEN" ? (
        <Card title={t("actions.recordPayment")}>
          <form action={pay} className="flex flex-col gap-3" data-testid="payment-form">
            {ref}
            <input type="hidden" name="currency" value={p.currency} />
            <Field label={t("amount")} htmlFor="pay-amount" hint={t("confirm.leftToPay", { amount: money(p.balanceMinor) })} error={payError("amount") ?? payError("amountMinor")}>
              <input id="pay-amount" name="amount" value={payAmount} onChange={(e) => setPayAmount(e.target.value)} required inputMode="decimal" className={inputClass} />
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
            <Field label={t("receivedOn")} htmlFor="pay-date" error={payError("receivedOn")}>
              <DateInput id="pay-date" name="receivedOn" required value={payDate} onChange={(e) => setPayDate(e.target.value)} className={inputClass} />
            </Field>
            <ConfirmSubmit
              label={t("actions.recordPayment")}
              confirmLabel={t("confirm.paymentConfirm")}
              summary={t("confirm.payment", { amount: money(typedMinor(payAmount, p.currency) ?? 0), number, date: payDate })}
              disabled={paying}
              testId="record-payment"
              canOpen={() => typedMinor(payAmount, p.currency) !== null}
            />
            <ActionOutcome state={paid} success={t("actions.paymentRecorded")} />
          </form>
        </Card>
      ) : null}
      {p.status !== "OPEN" && paid.status === "ok" ? (
        // The payment settled the invoice, so its form is gone: say what it did where it was.
        <Card title={t("actions.recordPayment")}>
          <Alert tone="success" testId="action-ok">
            {t("actions.paidInFull")}
            {Number(paid.values?.reinstatements ?? 0) > 0 ? ` ${t("actions.servicesRestored", { count: Number(paid.values?.reinstatements) })}` : ""}
          </Alert>
        </Card>
      ) : null}
      {p.balanceMinor > 0 ? <CreditNoteForm invoiceId={p.invoiceId} invoiceNumber={number} currency={p.currency} balanceMinor={p.balanceMinor} lines={p.lines} /> : null}
      {p.canVoid ? (
        <Card title={t("actions.void")}>
          <form action={voidIt} className="flex flex-col gap-3">
            {ref}
            <Field label={t("actions.voidReason")} htmlFor="void-reason">
              <input id="void-reason" name="reason" required maxLength={500} className={inputClass} />
            </Field>
            <ConfirmSubmit label={t("actions.void")} confirmLabel={t("confirm.voidConfirm")} summary={t("confirm.void", { number })} disabled={voiding} tone="secondary" testId="void-invoice" />
            <ActionOutcome state={voided} success={t("actions.voided")} />
          </form>
        </Card>
      ) : null}
    </div>
  );
}
