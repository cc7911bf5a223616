"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { inviteCustomerUserAction } from "@/app/(staff)/staff/customers/[customerId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { CUSTOMER_ROLES } from "@/domain/auth/roles";
import { LOCALES, type Locale } from "@/domain/i18n/locales";

export function InviteForm({ customerId, defaultLocale }: { customerId: string; defaultLocale: Locale }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(inviteCustomerUserAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} className="grid gap-4 md:grid-cols-4 md:items-start" data-testid="invite-form" key={typed.key}>
      <input type="hidden" name="customerId" value={customerId} />
      <Field label={t("staff.customer.inviteEmail")} htmlFor="invite-email" error={fieldError("email")}>
        <input id="invite-email" name="email" type="email" required defaultValue={typed.value("email")} autoComplete="off" className={inputClass} />
      </Field>
      <Field label={t("staff.customer.inviteRole")} htmlFor="invite-role" error={fieldError("role")}>
        <select id="invite-role" name="role" defaultValue={typed.value("role", "MEMBER")} className={inputClass}>
          {CUSTOMER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("staff.customer.inviteLocale")} htmlFor="invite-locale" error={fieldError("locale")}>
        <select id="invite-locale" name="locale" defaultValue={typed.value("locale", defaultLocale)} className={inputClass}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`common.languages.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} md:mt-7`}>
        {t("staff.customer.inviteSubmit")}
      </button>
      <div className="md:col-span-4">
        {state.status === "ok" ? <Alert tone="success" testId="invite-sent">{t("staff.customer.invited", { email: state.values?.email ?? "" })}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
