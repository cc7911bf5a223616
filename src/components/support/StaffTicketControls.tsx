"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignTicketAction, closeTicketAction, reopenTicketAction } from "@/app/(staff)/staff/support/actions";
import { idle } from "@/app/_lib/action-state-idle";
import type { TicketDto, TicketStaffOptionDto } from "@/contracts/support-ticket-views";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { AssigneeControls } from "@/components/staff/AssigneeControls";
import { secondaryButtonClass } from "@/components/ui";

/** Who holds the ticket, and closing (with the survey) or reopening it: the ticket page's side panel. */
export function StaffTicketControls({ ticket, staff, meId }: { ticket: TicketDto; staff: TicketStaffOptionDto[]; meId: string }) {
  const t = useTranslations("supportTickets");
  const [closeState, close, closing] = useActionState(closeTicketAction, idle);
  const [reopenState, reopen, reopening] = useActionState(reopenTicketAction, idle);
  return (
    <div className="flex flex-col gap-5">
      <AssigneeControls
        action={assignTicketAction}
        idField="ticketId"
        id={ticket.id}
        assigneeId={ticket.assigneeId}
        staff={staff}
        meId={meId}
        namespace="supportTickets"
        testIds={{ form: "ticket-assign-form" }}
      />
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
