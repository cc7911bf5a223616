"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { billSupportTimeAction } from "@/app/(staff)/staff/customers/[customerId]/support/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert } from "@/components/ui";

/**
 * Issues now the invoice of a customer's support time no bank covered (the daily job does it after
 * the billing run). Issuing cannot be undone, so it asks first, and it says how many invoices it made.
 */
export function BillSupportTimeButton({ customerId, summary }: { customerId: string; summary: string }) {
  const t = useTranslations("supportBanks.staff");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(billSupportTimeAction, idle);
  const count = Number(state.status === "ok" ? (state.values?.count ?? 0) : 0);
  const withoutRate = Number(state.status === "ok" ? (state.values?.withoutRate ?? 0) : 0);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="customerId" value={customerId} />
      <div>
        <ConfirmSubmit label={t("bill")} summary={summary} confirmLabel={t("confirmBillButton")} disabled={pending} tone="secondary" testId="bill-support-time" />
      </div>
      {state.status === "ok" ? (
        <Alert tone={withoutRate > 0 ? "info" : "success"} testId="support-billed">
          {t("billed", { count })} {withoutRate > 0 ? t("withoutRate", { count: withoutRate }) : null}
        </Alert>
      ) : null}
      {state.status === "error" ? <Alert tone="error" testId="action-error">{errorText(state.code)}</Alert> : null}
    </form>
  );
}
