"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { approveAccessRequestAction, rejectAccessRequestAction } from "@/app/(staff)/staff/access-requests/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { Alert, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { AccessRequestDetailDto } from "@/contracts/access-requests";

/**
 * Approve or reject a submitted request. Each asks first, saying what will happen: to whom the
 * invitation goes and into which company (the matching one, or a new one of the group).
 */
export function AccessRequestDecision({ request }: { request: AccessRequestDetailDto }) {
  const t = useTranslations("staffAccessRequests");
  const [approval, approve] = useActionState(approveAccessRequestAction, idle);
  const [rejection, reject] = useActionState(rejectAccessRequestAction, idle);
  const fieldError = useFieldError(rejection);
  const typed = useTypedValues(rejection);
  if (approval.status === "ok") return <Alert tone="success" testId="access-decided">{t("approved", { email: request.contactEmail })}</Alert>;
  if (rejection.status === "ok") return <Alert tone="success" testId="access-decided">{t("rejected", { email: request.contactEmail })}</Alert>;
  const approveSummary = request.matchedCustomer
    ? t("approveToMatched", { email: request.contactEmail, company: request.matchedCustomer.legalName })
    : t("approveToNew", { email: request.contactEmail, company: request.companyName, group: request.groupName });
  return (
    <div className="flex flex-col gap-6">
      <form action={approve} className="flex flex-wrap items-center gap-3" data-testid="access-approve-form">
        <input type="hidden" name="id" value={request.id} />
        <ConfirmSubmit label={t("approve")} summary={approveSummary} confirmLabel={t("approve")} testId="access-approve" />
        <FormProblem state={approval} />
      </form>
      <form action={reject} key={typed.key} className="flex flex-col gap-3" data-testid="access-reject-form">
        <input type="hidden" name="id" value={request.id} />
        <Field label={t("reason")} htmlFor="reject-reason" error={fieldError("reason")}>
          <textarea id="reject-reason" name="reason" required rows={3} maxLength={1000} defaultValue={typed.value("reason")} className={inputClass} />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <ConfirmSubmit label={t("reject")} tone="secondary" summary={t("rejectConfirm", { company: request.companyName, email: request.contactEmail })} confirmLabel={t("reject")} testId="access-reject" />
          <FormProblem state={rejection} />
        </div>
      </form>
    </div>
  );
}
