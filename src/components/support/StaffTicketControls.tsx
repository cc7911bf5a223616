"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignTicketAction, closeTicketAction, reopenTicketAction } from "@/app/(staff)/staff/support/actions";
import { idle } from "@/app/_lib/action-state-idle";
import type { TicketDto, TicketStaffOptionDto } from "@/contracts/support-ticket-views";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

/** Who holds the ticket, and closing (with the survey) or reopening it: the ticket page's side panel. */
export function StaffTicketControls({ ticket, staff, meId }: { ticket: TicketDto; staff: TicketStaffOptionDto[]; meId: string }) {
  const t = useTranslations("supportTickets");
  const [assignState, assign, assigning] = useActionState(assignTicketAction, idle);
  const [closeState, close, closing] = useActionState(closeTicketAction, idle);
  const [reopenState, reopen, reopening] = useActionState(reopenTicketAction, idle);
  const fieldError = useFieldError(assignState);
  const assigned = assignState.status === "ok" ? assignState.values?.assigneeName : undefined;
  return (
    <div className="flex flex-col gap-5">
      {/* Keyed by the holder, so the select shows who holds the ticket after any change. */}
      <form action={assign} key={ticket.assigneeId ?? "nobody"} className="flex flex-col gap-2" data-testid="ticket-assign-form">
        <input type="hidden" name="ticketId" value={ticket.id} />
        <Field label={t("assignee")} htmlFor="ticket-assignee" error={fieldError("assigneeId")}>
          <select id="ticket-assignee" name="assigneeId" defaultValue={ticket.assigneeId ?? ""} className={inputClass}>
            <option value="">{t("nobody")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={assigning} className={`${secondaryButtonClass} self-start`}>
          {t("assign")}
        </button>
      </form>
      {ticket.assigneeId !== meId ? (
        <form action={assign}>
          <input type="hidden" name="ticketId" value={ticket.id} />
          <input type="hidden" name="assigneeId" value={meId} />
          <button type="submit" disabled={assigning} className={secondaryButtonClass}>
            {t("assignToMe")}
          </button>
        </form>
      ) : null}
      <ActionOutcome state={assignState} success={assigned ? t("assigned", { name: assigned }) : t("unassigned")} />
      {ticket.status === "OPEN" ? (
        <form action={close} className="flex flex-col gap-2" data-testid="ticket-close-form">
          <input type="hidden" name="ticketId" value={ticket.id} />
          <ConfirmSubmit
            label={t("close")}
            tone="secondary"
            testId="ticket-close"
            disabled={closing}
            summary={t("closeConfirm", { reference: ticket.reference, email: ticket.requesterEmail })}
            confirmLabel={t("closeConfirmButton")}
          />
          <ActionOutcome state={closeState} success={t("closed", { email: closeState.status === "ok" ? (closeState.values?.surveySentTo ?? "") : "" })} />
        </form>
      ) : (
        <form action={reopen} className="flex flex-col gap-2" data-testid="ticket-reopen-form">
          <input type="hidden" name="ticketId" value={ticket.id} />
          <button type="submit" disabled={reopening} className={secondaryButtonClass}>
            {t("reopen")}
          </button>
          <ActionOutcome state={reopenState} success={t("reopened")} />
          {closeState.status === "ok" ? <ActionOutcome state={closeState} success={t("closed", { email: closeState.values?.surveySentTo ?? "" })} /> : null}
        </form>
      )}
    </div>
  );
}
