"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { inviteColleagueAction } from "@/app/(portal)/portal/team/actions";
import { inviteCustomerUserAction } from "@/app/(staff)/staff/customers/[customerId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { CUSTOMER_ROLES } from "@/domain/auth/roles";
import { LOCALES, type Locale } from "@/domain/i18n/locales";

/**
 * Invites someone into a customer company: billing staff choose the company (`customerId`) and the
 * role; a company's owner (no `customerId`) invites a colleague, always as a secondary representative
 * of their own company (the server decides both).
 */
export function InviteForm({ customerId, defaultLocale }: { customerId?: string; defaultLocale: Locale }) {
  const t = useTranslations();
  const staff = customerId !== undefined;
  const [state, action, pending] = useActionState(staff ? inviteCustomerUserAction : inviteColleagueAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const text = staff
    ? { email: t("staff.customer.inviteEmail"), locale: t("staff.customer.inviteLocale"), submit: t("staff.customer.inviteSubmit"), sent: t("staff.customer.invited", { email: state.status === "ok" ? (state.values?.email ?? "") : "" }) }
    : { email: t("contacts.inviteEmail"), locale: t("contacts.inviteLocale"), submit: t("contacts.inviteSubmit"), sent: t("contacts.invited", { email: state.status === "ok" ? (state.values?.email ?? "") : "" }) };
  const columns = staff ? "md:grid-cols-4" : "md:grid-cols-3";
  return (
    <form action={action} className={`grid gap-4 ${columns} md:items-start`} data-testid={staff ? "invite-form" : "invite-colleague-form"} key={typed.key}>
      {staff ? <input type="hidden" name="customerId" value={customerId} /> : null}
      <Field label={text.email} htmlFor="invite-email" error={fieldError("email")}>
        <input id="invite-email" name="email" type="email" required defaultValue={typed.value("email")} autoComplete="off" className={inputClass} />
      </Field>
      {staff ? (
        <Field label={t("staff.customer.inviteRole")} htmlFor="invite-role" error={fieldError("role")}>
          <select id="invite-role" name="role" defaultValue={typed.value("role", "MEMBER")} className={inputClass}>
            {CUSTOMER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common.roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label={text.locale} htmlFor="invite-locale" error={fieldError("locale")}>
        <select id="invite-locale" name="locale" defaultValue={typed.value("locale", defaultLocale)} className={inputClass}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`common.languages.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} md:mt-7`}>
        {text.submit}
      </button>
      <div className={staff ? "md:col-span-4" : "md:col-span-3"}>
        {state.status === "ok" ? <Alert tone="success" testId={staff ? "invite-sent" : "colleague-invited"}>{text.sent}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
