"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { acceptTermsAction } from "@/app/(auth)/accept-terms/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { SignOutButton } from "@/components/SignOutButton";
import { buttonClass } from "@/components/ui";

/** "I accept" for one terms version: the version shown is the version recorded. */
export function AcceptTermsForm({ termsVersionId }: { termsVersionId: string }) {
  const t = useTranslations("portalTerms");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState(acceptTermsAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="accept-terms-form">
      <input type="hidden" name="termsVersionId" value={termsVersionId} />
      <FormProblem state={state} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("accept")}
        </button>
        <SignOutButton label={common("signOut")} />
      </div>
    </form>
  );
}
