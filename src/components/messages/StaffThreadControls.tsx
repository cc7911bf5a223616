"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { assignThreadAction, changeThreadStatusAction } from "@/app/(staff)/staff/messages/actions";
import { idle } from "@/app/_lib/action-state-idle";
import type { AssigneeOptionDto, ThreadDto } from "@/contracts/message-views";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { AssigneeControls } from "@/components/staff/AssigneeControls";
import { secondaryButtonClass } from "@/components/ui";

/** Who handles the thread, and whether it is closed: the side panel of a thread in the back-office. */
export function StaffThreadControls({ thread, staff, meId }: { thread: ThreadDto; staff: AssigneeOptionDto[]; meId: string }) {
  const t = useTranslations("secureMessages");
  const [statusState, setStatus, changing] = useActionState(changeThreadStatusAction, idle);
  return (
    <div className="flex flex-col gap-5">
      <AssigneeControls
        action={assignThreadAction}
        idField="threadId"
        id={thread.id}
        assigneeId={thread.assigneeId}
        staff={staff}
        meId={meId}
        namespace="secureMessages"
        testIds={{ form: "assign-form", toMe: "assign-to-me-form" }}
      />
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
