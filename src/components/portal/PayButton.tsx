"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startCheckoutAction } from "@/app/(portal)/portal/checkouts/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, secondaryButtonClass } from "@/components/ui";

/**
 * "Pay" on one invoice, or "Pay all due" for the open invoices of one currency: creates the checkout
 * and opens its payment page. The button is disabled while the request runs; a second request for
 * the same invoices would get the same checkout anyway (its key is what is paid).
 */
export function PayButton({
  invoiceIds,
  label,
  testId,
  tone = "primary",
}: {
  invoiceIds: string[];
  label: string;
  testId: string;
  tone?: "primary" | "secondary";
}) {
  const t = useTranslations("payments");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(startCheckoutAction, idle);
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="invoiceIds" value={invoiceIds.join(",")} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className={`${tone === "primary" ? buttonClass : secondaryButtonClass} whitespace-nowrap`}
        data-testid={testId}
      >
        {pending ? t("opening") : label}
      </button>
      {state.status === "error" ? (
        <Alert tone="error" testId="pay-error">
          {errorText(state.code)}
        </Alert>
      ) : null}
    </form>
  );
}
