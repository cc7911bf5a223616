"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { chargeDueRenewalsAction } from "@/app/(staff)/staff/payments/autopay/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Table, Td } from "@/components/ui";
import type { AutopayAttemptView } from "@/contracts/payment-views";
import { fmtMoney } from "@/domain/billing/display-format";


/** Charges today's due renewals at once; charging cannot be undone, so it asks first. */
export function ChargeDueRenewalsForm() {
  const t = useTranslations("autopay");
  const [state, action, pending] = useActionState(chargeDueRenewalsAction, idle);
  const count = (k: string) => Number(state.status === "ok" ? state.values?.[k] : 0);
  return (
    <form action={action} className="mb-6 flex flex-col gap-3" data-testid="autopay-form">
      <div>
        <ConfirmSubmit
          label={t("chargeNow")}
          summary={t("confirmCharge")}
          confirmLabel={t("confirmChargeButton")}
          disabled={pending}
          testId="charge-due-renewals"
        />
      </div>
      <ActionOutcome state={state} success={t("charged", { charged: count("charged"), failed: count("failed") })} />
    </form>
  );
}

/** The latest attempts: which invoice, which try, and how it ended. */
export function AutopayAttempts({ attempts }: { attempts: AutopayAttemptView[] }) {
  const t = useTranslations("autopay");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Table
      headers={[{ label: t("when"), className: "hidden md:table-cell" }, t("customer"), t("invoice"), { label: t("attempt"), className: "hidden md:table-cell" }, t("amount"), t("outcome")]}
      empty={attempts.length === 0 ? t("none") : undefined}
    >
      {attempts.map((a) => (
        <tr key={`${a.invoiceId}:${a.attempt}`} data-testid="autopay-attempt-row">
          <Td className="hidden whitespace-nowrap md:table-cell">{format.dateTime(new Date(a.createdAt), { dateStyle: "medium", timeStyle: "short" })}</Td>
          <Td>
            <Link href={`/staff/customers/${a.customerId}`}>{a.customerName}</Link>
            <span className="block text-xs text-slate-500 md:hidden">{format.dateTime(new Date(a.createdAt), { dateStyle: "short", timeStyle: "short" })}</span>
          </Td>
          <Td>
            <Link href={`/staff/invoices/${a.invoiceId}`}>{a.invoiceNumber ?? "—"}</Link>
          </Td>
          <Td className="hidden md:table-cell">{a.attempt === 0 ? t("onDueDate") : t("retry", { n: a.attempt })}</Td>
          <Td className="whitespace-nowrap">{fmtMoney(a.amountMinor, a.currency, locale)}</Td>
          <Td>
            {t(`statuses.${a.status}` as "statuses.SUCCEEDED")}
            {a.failureCode ? ` (${a.failureCode})` : ""}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
