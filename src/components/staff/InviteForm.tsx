"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { inviteCustomerUserAction } from "@/app/(staff)/staff/customers/[customerId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { CUSTOMER_ROLES } from "@/domain/auth/roles";
import { LOCALES, type Locale } from "@/domain/i18n/locales";

export function InviteForm({ customerId, defaultLocale }: { customerId: string; defaultLocale: Locale }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(inviteCustomerUserAction, idle);
  const error = state.status === "error" ? state : null;
  return (
    <form action={action} className="grid gap-4 md:grid-cols-4 md:items-end" data-testid="invite-form">
      <input type="hidden" name="customerId" value={customerId} />
      <Field label={t("staff.customer.inviteEmail")} htmlFor="invite-email" error={error?.fields?.email ? errorText("VALIDATION_FAILED") : undefined}>
        <input id="invite-email" name="email" type="email" required className={inputClass} />
      </Field>
      <Field label={t("staff.customer.inviteRole")} htmlFor="invite-role">
        <select id="invite-role" name="role" defaultValue="MEMBER" className={inputClass}>
          {CUSTOMER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("staff.customer.inviteLocale")} htmlFor="invite-locale">
        <select id="invite-locale" name="locale" defaultValue={defaultLocale} className={inputClass}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`common.languages.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("staff.customer.inviteSubmit")}
      </button>
      <div className="md:col-span-4">
        {state.status === "ok" ? <Alert tone="success" testId="invite-sent">{t("staff.customer.invited", { email: state.values?.email ?? "" })}</Alert> : null}
        {error && !error.fields ? <Alert tone="error" testId="form-error">{errorText(error.code)}</Alert> : null}
      </div>
    </form>
  );
}
