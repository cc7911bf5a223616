"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignThreadAction, changeThreadStatusAction } from "@/app/(staff)/staff/messages/actions";
import { idle } from "@/app/_lib/action-state-idle";
import type { AssigneeOptionDto, ThreadDto } from "@/contracts/message-views";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

/** Who handles the thread, and whether it is closed: the side panel of a thread in the back-office. */
export function StaffThreadControls({ thread, staff, meId }: { thread: ThreadDto; staff: AssigneeOptionDto[]; meId: string }) {
  const t = useTranslations("secureMessages");
  const [assignState, assign, assigning] = useActionState(assignThreadAction, idle);
  const [statusState, setStatus, changing] = useActionState(changeThreadStatusAction, idle);
  const fieldError = useFieldError(assignState);
  const assigned = assignState.status === "ok" ? assignState.values?.assigneeName : undefined;
  return (
    <div className="flex flex-col gap-5">
      {/* Keyed by the holder, so the select shows who holds the thread after any change. */}
      <form action={assign} key={thread.assigneeId ?? "nobody"} className="flex flex-col gap-2" data-testid="assign-form">
        <input type="hidden" name="threadId" value={thread.id} />
        <Field label={t("assignee")} htmlFor="thread-assignee" error={fieldError("assigneeId")}>
          <select id="thread-assignee" name="assigneeId" defaultValue={thread.assigneeId ?? ""} className={inputClass}>
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
      {thread.assigneeId !== meId ? (
        <form action={assign} data-testid="assign-to-me-form">
          <input type="hidden" name="threadId" value={thread.id} />
          <input type="hidden" name="assigneeId" value={meId} />
          <button type="submit" disabled={assigning} className={secondaryButtonClass}>
            {t("assignToMe")}
          </button>
        </form>
      ) : null}
      <ActionOutcome state={assignState} success={assigned ? t("assigned", { name: assigned }) : t("unassigned")} />
      <form action={setStatus} className="flex flex-col gap-2" data-testid="status-form">
        <input type="hidden" name="threadId" value={thread.id} />
        <input type="hidden" name="status" value={thread.status === "OPEN" ? "CLOSED" : "OPEN"} />
        <button type="submit" disabled={changing} className={secondaryButtonClass}>
          {thread.status === "OPEN" ? t("close") : t("reopen")}
        </button>
        <ActionOutcome state={statusState} success={statusState.status === "ok" && statusState.values?.status === "CLOSED" ? t("closed") : t("reopened")} />
      </form>
    </div>
  );
}
