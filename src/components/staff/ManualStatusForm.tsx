"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { changeStatusByHandAction } from "@/app/(staff)/staff/subscriptions/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { Alert, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { SubscriptionStatusName } from "@/domain/billing/subscription-state";

const EVENTS_FROM: Record<SubscriptionStatusName, ("suspend" | "reinstate" | "terminate" | "cancel")[]> = {
  ACTIVE: ["suspend", "cancel"],
  SUSPENDED: ["reinstate", "terminate", "cancel"],
  TERMINATED: [],
  CANCELLED: [],
};

/**
 * Changing a service's status by hand, where the customer's group allows it: the change and its
 * reason, confirmed first (provisioning acts on it through the webhooks), then said done. Where the
 * group does not allow it, the page says why there is no form.
 */
export function ManualStatusForm({ subscriptionId, description, status, allowed }: { subscriptionId: string; description: string; status: SubscriptionStatusName; allowed: boolean }) {
  const t = useTranslations("manualStatus");
  const [state, action, pending] = useActionState(changeStatusByHandAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const events = EVENTS_FROM[status];
  const [event, setEvent] = useState(typed.value("event", events[0] ?? ""));
  if (!allowed) return <p className="text-sm text-slate-600">{t("notAllowed")}</p>;
  if (state.status === "ok") return <Alert tone="success" testId="action-ok">{t("done", { description, status: t(`statuses.${state.values?.status ?? status}`) })}</Alert>;
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("final")}</p>;
  return (
    <form action={action} key={typed.key} className="flex flex-col gap-3" data-testid="manual-status-form">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <Field label={t("event")} htmlFor="manual-event" error={fieldError("event")}>
        <select id="manual-event" name="event" value={event} onChange={(e) => setEvent(e.target.value)} className={`${inputClass} max-w-64`}>
          {events.map((e) => (
            <option key={e} value={e}>
              {t(`events.${e}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("reason")} htmlFor="manual-reason" error={fieldError("reason")}>
        <textarea id="manual-reason" name="reason" required maxLength={500} rows={2} defaultValue={typed.value("reason")} className={inputClass} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <ConfirmSubmit
          label={t("apply")}
          summary={t("confirm", { event: event ? t(`events.${event}`) : "", description })}
          confirmLabel={t("confirmButton")}
          disabled={pending}
          tone="secondary"
          testId="manual-status"
        />
        <FormProblem state={state} />
      </div>
    </form>
  );
}
