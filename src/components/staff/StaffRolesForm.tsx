"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateStaffRolesAction } from "@/app/(staff)/staff/team/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { FieldError, secondaryButtonClass } from "@/components/ui";
import { useFieldError } from "@/components/use-field-error";
import { STAFF_ROLES, type StaffRoleName } from "@/domain/auth/roles";

/** One colleague's roles: a group of boxes named after the person, its problem said under the group. */
export function StaffRolesForm({ userId, name, roles }: { userId: string; name: string; roles: StaffRoleName[] }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(updateStaffRolesAction, idle);
  const fieldError = useFieldError(state);
  const rolesError = fieldError("roles");
  const errorId = `roles-${userId}-error`;
  return (
    <form action={action} className="flex flex-col gap-1" data-testid="staff-roles-form">
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="flex flex-wrap items-center gap-3" aria-describedby={rolesError ? errorId : undefined} aria-invalid={rolesError ? true : undefined}>
        <legend className="sr-only">{t("staffTeam.rolesOf", { name })}</legend>
        {STAFF_ROLES.map((r) => (
          <label key={r} className="flex items-center gap-1">
            <input type="checkbox" name="roles" value={r} defaultChecked={roles.includes(r)} />
            {t(`common.roles.${r}`)}
          </label>
        ))}
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {t("staffTeam.save")}
        </button>
      </fieldset>
      {rolesError ? <FieldError id={errorId} testId={`error-roles-${userId}`} text={rolesError} /> : null}
      {state.status === "ok" ? <span className="text-xs text-emerald-700" data-testid="roles-saved">{t("staffTeam.saved")}</span> : null}
      {state.status === "error" && !rolesError ? <span className="text-xs text-red-700" data-testid="form-error">{errorText(state.code)}</span> : null}
    </form>
  );
}
