"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateStaffRolesAction } from "@/app/(staff)/staff/team/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { secondaryButtonClass } from "@/components/ui";
import { STAFF_ROLES, type StaffRoleName } from "@/domain/auth/roles";

export function StaffRolesForm({ userId, roles }: { userId: string; roles: StaffRoleName[] }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(updateStaffRolesAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="userId" value={userId} />
      {STAFF_ROLES.map((r) => (
        <label key={r} className="flex items-center gap-1">
          <input type="checkbox" name="roles" value={r} defaultChecked={roles.includes(r)} />
          {t(`common.roles.${r}`)}
        </label>
      ))}
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {t("staffTeam.save")}
      </button>
      {state.status === "ok" ? <span className="text-xs text-emerald-700">{t("staffTeam.saved")}</span> : null}
      {state.status === "error" ? <span className="text-xs text-red-700">{errorText(state.code)}</span> : null}
    </form>
  );
}
