"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { decidePurchaseOrderAction } from "@/app/(portal)/portal/orders/[orderId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { Alert, Card, Field, inputClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

/**
 * The customer's answer to an order, each way confirmed with what it does. The page keeps this
 * component mounted after the answer (`open` turns false), so it can say what happened and, once
 * accepted, link to the first invoice. A lapsed order can only be declined; the page says why.
 */
export function OrderDecision({
  orderId,
  number,
  grossText,
  open,
  canAccept,
  invoiceHrefBase,
}: {
  orderId: string;
  number: string;
  /** The total incl. tax as the page shows it, so the confirmation names what is accepted. */
  grossText: string;
  open: boolean;
  canAccept: boolean;
  invoiceHrefBase: string;
}) {
  const t = useTranslations("orders");
  const errorText = useErrorText();
  const [accepted, accept, accepting] = useActionState(decidePurchaseOrderAction, idle);
  const [declined, decline, declining] = useActionState(decidePurchaseOrderAction, idle);
  const declineError = useFieldError(declined);
  const pending = accepting || declining;

  if (accepted.status === "ok") {
    const invoice = accepted.values?.invoiceNumber ?? "";
    return (
      <Alert tone="success" testId="action-ok">
        {t("acceptedOutcome", { number, invoice })}{" "}
        <Link href={`${invoiceHrefBase}/${accepted.values?.invoiceId ?? ""}`} data-testid="accepted-invoice-link">
          {t("viewInvoice", { invoice })}
        </Link>
      </Alert>
    );
  }
  if (declined.status === "ok") {
    return (
      <Alert tone="success" testId="action-ok">
        {t("declinedOutcome", { number })}
      </Alert>
    );
  }
  if (!open) return null;
  return (
    <Card>
      <div className="flex flex-col gap-6" data-testid="order-decision">
        {canAccept ? (
          <form action={accept} className="flex flex-col gap-3">
            <input type="hidden" name="orderId" value={orderId} />
            <input type="hidden" name="decision" value="accept" />
            <div>
              <ConfirmSubmit
                label={t("accept")}
                summary={t("confirmAccept", { number, amount: grossText })}
                confirmLabel={t("confirmAcceptButton")}
                disabled={pending}
                testId="accept-order"
              />
            </div>
            {accepted.status === "error" ? (
              <Alert tone="error" testId="action-error">
                {errorText(accepted.code)}
              </Alert>
            ) : null}
          </form>
        ) : null}
        <form action={decline} className={`flex flex-col gap-3 ${canAccept ? "border-t border-slate-200 pt-4" : ""}`}>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="decision" value="decline" />
          <Field label={t("declineReason")} htmlFor="decline-reason" hint={t("declineReasonHint")} error={declineError("reason")}>
            <textarea id="decline-reason" name="reason" required maxLength={1000} rows={3} className={inputClass} />
          </Field>
          <div>
            <ConfirmSubmit
              label={t("decline")}
              summary={t("confirmDecline", { number })}
              confirmLabel={t("confirmDeclineButton")}
              disabled={pending}
              tone="secondary"
              testId="decline-order"
            />
          </div>
          {declined.status === "error" && !declineError("reason") ? (
            <Alert tone="error" testId="action-error">
              {errorText(declined.code)}
            </Alert>
          ) : null}
        </form>
      </div>
    </Card>
  );
}
