import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui";
import type { AccessRequestDraftDto } from "@/contracts/access-requests";
import { SubmitAccessForm } from "./AccessStepForms";

/**
 * The Status tab: the group's message for an incomplete or complete request (the product's own
 * words when the group has none), the tabs still to do, and the Send button once all are done.
 */
export async function AccessStatusPanel({ token, draft, justSubmitted }: { token: string; draft: AccessRequestDraftDto; justSubmitted: boolean }) {
  const t = await getTranslations("accessRequest");
  if (draft.status !== "DRAFT") {
    return (
      <div className="flex flex-col gap-3" data-testid="access-status">
        {justSubmitted ? <Alert tone="success" testId="access-submitted">{t("submitted")}</Alert> : null}
        <p className="text-sm">{t(`status${draft.status}`)}</p>
      </div>
    );
  }
  const todo = (["terms", "contact", "company", "questions"] as const).filter((tab) => !draft.tabs[tab]);
  return (
    <div className="flex flex-col gap-3" data-testid="access-status">
      {draft.complete ? (
        <>
          <Alert tone="success" testId="access-status-message">
            {draft.messages.statusComplete ?? t("statusComplete")}
          </Alert>
          <SubmitAccessForm token={token} companyName={draft.companyName} />
        </>
      ) : (
        <>
          <Alert tone="info" testId="access-status-message">
            {draft.messages.statusIncomplete ?? t("statusIncomplete")}
          </Alert>
          <ul className="list-disc pl-5 text-sm">
            {todo.map((tab) => (
              <li key={tab}>{t(`tabs.${tab}`)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
