"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import type { RequesterOptionDto } from "@/contracts/support-ticket-views";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { URGENCIES } from "@/domain/support/charging-rules";
import { TICKET_BODY_MAX_LENGTH, TICKET_SUBJECT_MAX_LENGTH } from "@/domain/support/ticket-rules";

type FormAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Regular or urgent, each with the response time the desk promises next to it. */
function UrgencyChoice({ value, error }: { value: string; error?: string }) {
  const t = useTranslations("supportTickets");
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "ticket-urgency-error" : undefined}>
      <legend className="mb-1">{t("urgency")}</legend>
      {URGENCIES.map((u) => (
        <label key={u} className="flex items-start gap-2 text-sm">
          <input type="radio" name="urgency" value={u} defaultChecked={value === u} required className="mt-1" />
          <span>
            <span className="font-medium">{t(`urgencies.${u}`)}</span> <span className="text-slate-600">— {t(`promise.${u}`)}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id="ticket-urgency-error" className="text-xs text-red-700" data-testid="error-ticket-urgency">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A customer user's new ticket: subject, urgency with its promised response time, what happens. */
export function NewTicketForm({ action }: { action: FormAction }) {
  const t = useTranslations("supportTickets");
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={formAction} key={typed.key} className="flex flex-col gap-4" data-testid="new-ticket-form">
      <Field label={t("subject")} htmlFor="ticket-subject" error={fieldError("subject")}>
        <input id="ticket-subject" name="subject" required maxLength={TICKET_SUBJECT_MAX_LENGTH} defaultValue={typed.value("subject")} className={inputClass} />
      </Field>
      <UrgencyChoice value={typed.value("urgency", "REGULAR")} error={fieldError("urgency")} />
      <Field label={t("description")} htmlFor="ticket-body" hint={t("descriptionHint")} error={fieldError("body")}>
        <textarea id="ticket-body" name="body" required rows={6} maxLength={TICKET_BODY_MAX_LENGTH} defaultValue={typed.value("body")} className={inputClass} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("sending") : t("open")}
        </button>
        <FormProblem state={state} />
      </div>
    </form>
  );
}

/** A reply on a ticket, from either side (the action decides whose). */
export function TicketReplyForm({ action, ticketId, closed, hint }: { action: FormAction; ticketId: string; closed: boolean; hint: string }) {
  const t = useTranslations("supportTickets");
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={formAction} key={typed.key} className="flex flex-col gap-4" data-testid="ticket-reply-form">
      <input type="hidden" name="ticketId" value={ticketId} />
      {closed ? <Alert tone="info">{t("closedNotice")}</Alert> : null}
      <Field label={t("message")} htmlFor="ticket-reply-body" hint={hint} error={fieldError("body")}>
        <textarea id="ticket-reply-body" name="body" required rows={5} maxLength={TICKET_BODY_MAX_LENGTH} defaultValue={typed.value("body")} className={inputClass} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("sending") : t("sendReply")}
        </button>
        {state.status === "ok" ? (
          <Alert tone="success" testId="ticket-reply-sent">
            {t("replySent")}
          </Alert>
        ) : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}

/**
 * Staff write down a phone call for one company (chosen on the step before): who called (one of the
 * company's users, or an e-mail address), urgency, subject and what was said.
 */
export function StaffTicketForm({ action, customerId, requesters }: { action: FormAction; customerId: string; requesters: RequesterOptionDto[] }) {
  const t = useTranslations("supportTickets");
  const [state, formAction, pending] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={formAction} key={typed.key} className="flex flex-col gap-4" data-testid="staff-ticket-form">
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t("caller")} htmlFor="ticket-requester" hint={t("callerHint")} error={fieldError("requesterId")}>
          <select id="ticket-requester" name="requesterId" defaultValue={typed.value("requesterId")} className={inputClass}>
            <option value="">{t("callerNotListed")}</option>
            {requesters.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.email})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("callerEmail")} htmlFor="ticket-requester-email" hint={t("callerEmailHint")} error={fieldError("requesterEmail")}>
          <input id="ticket-requester-email" name="requesterEmail" type="email" maxLength={254} defaultValue={typed.value("requesterEmail")} className={inputClass} />
        </Field>
      </div>
      <Field label={t("subject")} htmlFor="ticket-subject" error={fieldError("subject")}>
        <input id="ticket-subject" name="subject" required maxLength={TICKET_SUBJECT_MAX_LENGTH} defaultValue={typed.value("subject")} className={inputClass} />
      </Field>
      <UrgencyChoice value={typed.value("urgency", "REGULAR")} error={fieldError("urgency")} />
      <Field label={t("whatWasSaid")} htmlFor="ticket-body" error={fieldError("body")}>
        <textarea id="ticket-body" name="body" required rows={6} maxLength={TICKET_BODY_MAX_LENGTH} defaultValue={typed.value("body")} className={inputClass} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("sending") : t("openForCaller")}
        </button>
        <FormProblem state={state} />
      </div>
    </form>
  );
}
