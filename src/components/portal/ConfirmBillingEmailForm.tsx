"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmBillingEmailAction } from "@/app/(auth)/billing-email/confirm/[token]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass } from "@/components/ui";

/** The button that makes a new billing address take effect, and what it did. */
export function ConfirmBillingEmailForm({ token, companyName, newAddress }: { token: string; companyName: string; newAddress: string }) {
  const t = useTranslations("billingEmail.confirm");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(confirmBillingEmailAction, idle);
  if (state.status === "ok") {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" testId="billing-email-confirmed">
          {t("done", { companyName: state.values?.companyName ?? companyName, address: state.values?.billingEmail ?? newAddress })}
        </Alert>
        <p className="text-sm">
          <Link href="/portal/settings">{t("toSettings")}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="confirm-billing-email-form">
      <input type="hidden" name="token" value={token} />
      <p>{t("summary", { companyName, address: newAddress })}</p>
      {state.status === "error" ? <Alert tone="error" testId="form-error">{errorText(state.code)}</Alert> : null}
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("submit")}
      </button>
    </form>
  );
}
