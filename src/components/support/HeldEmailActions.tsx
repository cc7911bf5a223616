"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { dismissHeldEmailAction, releaseHeldEmailAction } from "@/app/(staff)/staff/support/inbox/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Alert, FieldError, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import type { CustomerChoiceDto, HeldEmailDetailDto } from "@/contracts/inbound-email";

/**
 * The two decisions about a held message: open a ticket for the customer staff choose (the sender is
 * its requester), or dismiss it. Both are confirmed first; once one is done the forms give way to
 * what was done, with the way to the ticket.
 */
export function HeldEmailActions({ email, choices, search }: { email: HeldEmailDetailDto; choices: CustomerChoiceDto[]; search: string }) {
  const t = useTranslations("supportInbox");
  const [releaseState, release, releasing] = useActionState(releaseHeldEmailAction, idle);
  const [dismissState, dismiss, dismissing] = useActionState(dismissHeldEmailAction, idle);
  // The sender's own company (a user who is not an authorised contact) is the likely answer: chosen already.
  const [chosen, setChosen] = useState<string>(choices.find((c) => c.why === "SENDER")?.id ?? "");
  const [mustChoose, setMustChoose] = useState(false);
  const serverFieldError = useFieldError(releaseState)("customerId");
  const choiceError = mustChoose && !chosen ? t("chooseFirstField") : serverFieldError;
  const domain = email.fromAddress.split("@")[1] ?? "";

  if (releaseState.status === "ok") {
    const v = releaseState.values ?? {};
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="success" testId="action-ok">
          {t("opened", { reference: v.reference ?? "", customer: v.customer ?? "", sender: v.sender ?? "" })}
        </Alert>
        <Link href={`/staff/support/tickets/${v.ticketId ?? ""}`}>{t("seeTicket", { reference: v.reference ?? "" })}</Link>
        <Link href="/staff/support/inbox">{t("back")}</Link>
      </div>
    );
  }
  if (dismissState.status === "ok") {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="success" testId="action-ok">
          {t("dismissed")}
        </Alert>
        <Link href="/staff/support/inbox">{t("back")}</Link>
      </div>
    );
  }

  const chosenName = choices.find((c) => c.id === chosen)?.legalName ?? "";
  const errorId = "held-email-customer-error";
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4">
        <h2>{t("openTicket")}</h2>
        <p className="text-sm text-slate-600">{t("openTicketIntro")}</p>
        {/* A GET form: the search lives in the URL, and the page lists the companies it finds. */}
        <form method="get" className="flex flex-wrap items-end gap-2" data-testid="customer-search">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
            {t("findCustomer")}
            <input type="search" name="q" defaultValue={search} maxLength={100} className={inputClass} />
          </label>
          <button type="submit" className={secondaryButtonClass}>
            {t("find")}
          </button>
        </form>
      </div>
      <form action={release} className="flex flex-col gap-3" data-testid="release-form" noValidate>
        <input type="hidden" name="emailId" value={email.id} />
        <fieldset className="flex flex-col gap-2" aria-describedby={choiceError ? errorId : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("customer")}</legend>
          {choices.length === 0 ? <p className="text-sm text-slate-500">{t("noChoices")}</p> : null}
          {choices.map((c) => (
            <label key={c.id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="customerId"
                value={c.id}
                checked={chosen === c.id}
                onChange={() => setChosen(c.id)}
                aria-describedby={choiceError ? errorId : undefined}
                aria-invalid={choiceError ? true : undefined}
                className="mt-1"
              />
              <span>
                {c.legalName} {c.why === "SEARCH" ? null : <span className="text-xs text-slate-500">({t(`why.${c.why}`, { domain })})</span>}
              </span>
            </label>
          ))}
          {choiceError ? <FieldError id={errorId} testId="error-customerId" text={choiceError} /> : null}
        </fieldset>
        <div>
          <ConfirmSubmit
            label={t("open")}
            testId="release-held-email"
            disabled={releasing}
            summary={t("confirmOpen", { urgency: t(`urgencies.${email.urgency}`).toLowerCase(), customer: chosenName, sender: email.fromAddress })}
            confirmLabel={t("open")}
            canOpen={() => {
              setMustChoose(true);
              return Boolean(chosen);
            }}
          />
        </div>
        {releaseState.status === "error" && !serverFieldError ? <ActionOutcome state={releaseState} success="" /> : null}
      </form>
      <form action={dismiss} className="flex flex-col gap-2 border-t border-slate-200 pt-4" data-testid="dismiss-form">
        <input type="hidden" name="emailId" value={email.id} />
        <p className="text-sm text-slate-600">{t("dismissIntro")}</p>
        <div>
          <ConfirmSubmit
            label={t("dismiss")}
            tone="secondary"
            testId="dismiss-held-email"
            disabled={dismissing}
            summary={t("confirmDismiss", { subject: email.subject || t("noSubject"), sender: email.fromAddress })}
            confirmLabel={t("dismiss")}
          />
        </div>
        <ActionOutcome state={dismissState} success="" />
      </form>
    </div>
  );
}
