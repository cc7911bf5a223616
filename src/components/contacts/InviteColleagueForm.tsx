"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { inviteColleagueAction } from "@/app/(portal)/portal/team/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import { LOCALES, type Locale } from "@/domain/i18n/locales";

/** The owner invites a colleague as a secondary representative. */
export function InviteColleagueForm({ defaultLocale }: { defaultLocale: Locale }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(inviteColleagueAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} className="grid gap-4 md:grid-cols-3 md:items-start" data-testid="invite-colleague-form" key={typed.key}>
      <Field label={t("contacts.inviteEmail")} htmlFor="colleague-email" error={fieldError("email")}>
        <input id="colleague-email" name="email" type="email" required defaultValue={typed.value("email")} autoComplete="off" className={inputClass} />
      </Field>
      <Field label={t("contacts.inviteLocale")} htmlFor="colleague-locale" error={fieldError("locale")}>
        <select id="colleague-locale" name="locale" defaultValue={typed.value("locale", defaultLocale)} className={inputClass}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`common.languages.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} md:mt-7`}>
        {t("contacts.inviteSubmit")}
      </button>
      <div className="md:col-span-3">
        {state.status === "ok" ? <Alert tone="success" testId="colleague-invited">{t("contacts.invited", { email: state.values?.email ?? "" })}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
