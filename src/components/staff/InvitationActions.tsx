"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendInvitationAction, revokeInvitationAction } from "@/app/(staff)/staff/customers/[customerId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { secondaryButtonClass } from "@/components/ui";

/**
 * Re-send or revoke an open invitation. Revoking is final (the link stops working and cannot be
 * revived), so it asks first. The component stays in its row when the list reloads, so what
 * happened stays on screen.
 */
export function InvitationActions({ customerId, invitationId, email, open }: { customerId: string; invitationId: string; email: string; open: boolean }) {
  const t = useTranslations("staff.customer");
  const errorText = useErrorText();
  const [resent, resend, resending] = useActionState(resendInvitationAction, idle);
  const [revoked, revoke, revoking] = useActionState(revokeInvitationAction, idle);
  const failure = [resent, revoked].find((s) => s.status === "error");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {open ? (
        <>
          <form action={resend}>
            <input type="hidden" name="customerId" value={customerId} />
            <input type="hidden" name="invitationId" value={invitationId} />
            <button type="submit" disabled={resending} className={secondaryButtonClass}>
              {t("resend")}
            </button>
          </form>
          <form action={revoke}>
            <input type="hidden" name="customerId" value={customerId} />
            <input type="hidden" name="invitationId" value={invitationId} />
            <ConfirmSubmit label={t("revoke")} summary={t("confirmRevoke", { email })} confirmLabel={t("confirmRevokeButton")} disabled={revoking} tone="secondary" testId={`revoke-invitation-${invitationId}`} />
          </form>
        </>
      ) : null}
      {resent.status === "ok" && open ? <span className="text-xs text-emerald-700" data-testid="invitation-resent">{t("resent")}</span> : null}
      {revoked.status === "ok" ? <span className="text-xs text-emerald-700" data-testid="invitation-revoked">{t("revoked")}</span> : null}
      {failure?.status === "error" ? <span className="text-xs text-red-700" data-testid="invitation-action-error">{errorText(failure.code)}</span> : null}
    </div>
  );
}
