"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/app/_lib/action-state";
import { idle } from "@/app/_lib/action-state-idle";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Field, inputClass, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Who holds a conversation (a secure-message thread, a support ticket): a select of staff, "assign
 * to me", and what the change did. The action receives `<idField>` and `assigneeId` ("" = nobody)
 * and answers `values.assigneeName`. Its words come from the conversation's catalogue namespace,
 * which has the same keys for both (assignee, nobody, assign, assignToMe, assigned, unassigned).
 */
export function AssigneeControls({
  action,
  idField,
  id,
  assigneeId,
  staff,
  meId,
  namespace,
  testIds,
}: {
  action: Action;
  idField: string;
  id: string;
  assigneeId: string | null;
  staff: { id: string; name: string }[];
  meId: string;
  namespace: "secureMessages" | "supportTickets";
  testIds: { form: string; toMe?: string };
}) {
  const t = useTranslations(namespace);
  const labels = { assignee: t("assignee"), nobody: t("nobody"), assign: t("assign"), assignToMe: t("assignToMe"), assigned: (name: string) => t("assigned", { name }), unassigned: t("unassigned") };
  const [state, assign, assigning] = useActionState(action, idle);
  const fieldError = useFieldError(state);
  const assigned = state.status === "ok" ? state.values?.assigneeName : undefined;
  return (
    <>
      {/* Keyed by the holder, so the select shows who holds it after any change. */}
      <form action={assign} key={assigneeId ?? "nobody"} className="flex flex-col gap-2" data-testid={testIds.form}>
        <input type="hidden" name={idField} value={id} />
        <Field label={labels.assignee} htmlFor={`${idField}-assignee`} error={fieldError("assigneeId")}>
          <select id={`${idField}-assignee`} name="assigneeId" defaultValue={assigneeId ?? ""} className={inputClass}>
            <option value="">{labels.nobody}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={assigning} className={`${secondaryButtonClass} self-start`}>
          {labels.assign}
        </button>
      </form>
      {assigneeId !== meId ? (
        <form action={assign} data-testid={testIds.toMe}>
          <input type="hidden" name={idField} value={id} />
          <input type="hidden" name="assigneeId" value={meId} />
          <button type="submit" disabled={assigning} className={secondaryButtonClass}>
            {labels.assignToMe}
          </button>
        </form>
      ) : null}
      <ActionOutcome state={state} success={assigned ? labels.assigned(assigned) : labels.unassigned} />
    </>
  );
}
