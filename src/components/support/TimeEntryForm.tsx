"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { logTimeAction } from "@/app/(staff)/staff/customers/[customerId]/support/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { DateInput } from "@/components/DateInput";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { TechnicianChoiceDto, TicketChoiceDto } from "@/contracts/support-banks";
import { ACTIVITY_TYPES, CHANNELS, URGENCIES } from "@/domain/support/charging-rules";

/**
 * A technician logs time on a ticket: the staff customer page offers the customer's open tickets,
 * a ticket's page passes just that one. Urgency defaults to the ticket's, the technician to whoever
 * logs it. The answer says what was charged and how it was paid.
 */
export function TimeEntryForm({ tickets, technicians, today }: { tickets: TicketChoiceDto[]; technicians: TechnicianChoiceDto[]; today: string }) {
  const t = useTranslations("supportBanks");
  const [state, action, pending] = useActionState(logTimeAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  if (tickets.length === 0) return <p className="text-sm text-slate-500" data-testid="no-open-tickets">{t("staff.noTickets")}</p>;
  const select = (name: string, label: string, options: { value: string; label: string }[], saved = "") => (
    <Field label={label} htmlFor={`entry-${name}`} error={fieldError(name)}>
      <select id={`entry-${name}`} name={name} defaultValue={typed.value(name, saved)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const number = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} htmlFor={`entry-${name}`} error={fieldError(name)}>
      <input id={`entry-${name}`} name={name} type="number" inputMode="numeric" min={0} step={1} defaultValue={typed.value(name, props.required ? "" : "0")} className={inputClass} {...props} />
    </Field>
  );
  return (
    <form action={action} className="grid gap-3 md:grid-cols-4 md:items-start" data-testid="time-entry-form" key={typed.key}>
      <div className="md:col-span-2">
        {select(
          "ticketId",
          t("ticket"),
          tickets.map((k) => ({ value: k.id, label: `${k.reference} · ${k.subject}` })),
        )}
      </div>
      <Field label={t("staff.workDate")} htmlFor="entry-workDate" error={fieldError("workDate")}>
        <DateInput id="entry-workDate" name="workDate" required defaultValue={typed.value("workDate", today)} className={inputClass} />
      </Field>
      {number("actualMinutes", t("staff.actualMinutes"), { required: true, min: 1, max: 1440 })}
      {select("urgency", t("staff.urgency"), [{ value: "", label: t("staff.urgencyOfTicket") }, ...URGENCIES.map((u) => ({ value: u, label: t(`urgencies.${u}`) }))])}
      {select("channel", t("staff.channel"), CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })))}
      {select("activity", t("staff.activity"), ACTIVITY_TYPES.map((a) => ({ value: a, label: t(`activities.${a}`) })))}
      {select("technicianId", t("technician"), [{ value: "", label: t("staff.technicianMe") }, ...technicians.map((p) => ({ value: p.id, label: p.name }))])}
      {number("travelKm", t("staff.travelKm"), { max: 10000 })}
      {number("travelMinutes", t("staff.travelMinutes"), { max: 1440 })}
      <div className="md:col-span-2">
        <Field label={t("staff.note")} htmlFor="entry-note" error={fieldError("note")}>
          <input id="entry-note" name="note" maxLength={2000} defaultValue={typed.value("note")} className={inputClass} />
        </Field>
      </div>
      <div className="md:col-span-4 flex flex-col gap-2">
        <div>
          <button type="submit" disabled={pending} className={buttonClass} data-testid="log-time">
            {t("staff.logSubmit")}
          </button>
        </div>
        {state.status === "ok" ? (
          <Alert tone="success" testId="time-logged">
            {t("staff.logged", { charged: state.values?.charged ?? "", bank: state.values?.bank ?? "", billable: state.values?.billable ?? "" })}
          </Alert>
        ) : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
