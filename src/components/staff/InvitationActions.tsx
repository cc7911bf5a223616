"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendInvitationAction, revokeInvitationAction } from "@/app/(staff)/staff/customers/[customerId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { secondaryButtonClass } from "@/components/ui";

export function InvitationActions({ customerId, invitationId }: { customerId: string; invitationId: string }) {
  const t = useTranslations("staff.customer");
  const errorText = useErrorText();
  const [resent, resend, resending] = useActionState(resendInvitationAction, idle);
  const [revoked, revoke, revoking] = useActionState(revokeInvitationAction, idle);
  const failure = [resent, revoked].find((s) => s.status === "error");
  return (
    <div className="flex flex-wrap items-center gap-2">
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
        <button type="submit" disabled={revoking} className={secondaryButtonClass}>
          {t("revoke")}
        </button>
      </form>
      {resent.status === "ok" ? <span className="text-xs text-emerald-700">{t("resent")}</span> : null}
      {failure?.status === "error" ? <span className="text-xs text-red-700">{errorText(failure.code)}</span> : null}
    </div>
  );
}
