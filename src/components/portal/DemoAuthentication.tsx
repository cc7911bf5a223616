"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, secondaryButtonClass } from "@/components/ui";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * The demo's stand-in for 3-D Secure (card 3155): the bank asks the cardholder to confirm. Approve
 * completes the payment; Fail refuses it, as a cardholder who does not recognise it would.
 */
export function DemoAuthentication({
  action,
  hidden,
  amountText,
}: {
  action: Action;
  hidden: Record<string, string>;
  amountText?: string;
}) {
  const t = useTranslations("payments.auth");
  const errorText = useErrorText();
  const [approved, approve, approving] = useActionState(action, idle);
  const [failed, fail, failing] = useActionState(action, idle);
  const pending = approving || failing;
  const error = approved.status === "error" ? approved : failed.status === "error" ? failed : null;
  const fields = (decision: string) => (
    <>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <section
      aria-labelledby="demo-auth-title"
      className="rounded-lg border-2 border-dashed border-amber-400 bg-amber-50/40 p-4"
      data-testid="demo-authentication"
    >
      <h2 id="demo-auth-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {amountText ? t("intro", { amount: amountText }) : t("introSetup")}
      </p>
      <div className="flex flex-wrap gap-3">
        <form action={approve}>
          {fields("approve")}
          <button type="submit" disabled={pending} className={buttonClass} data-testid="demo-approve">
            {t("approve")}
          </button>
        </form>
        <form action={fail}>
          {fields("fail")}
          <button type="submit" disabled={pending} className={secondaryButtonClass} data-testid="demo-fail">
            {t("fail")}
          </button>
        </form>
      </div>
      {error ? (
        <div className="mt-3">
          <Alert tone="error" testId="demo-error">
            {errorText(error.code)}
          </Alert>
        </div>
      ) : null}
    </section>
  );
}
