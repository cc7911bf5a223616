"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateProfileAction } from "@/app/(portal)/portal/settings/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";

/** The signed-in person's own name and phone; the e-mail is their sign-in and is shown only. */
export function ProfileForm({ profile }: { profile: { name: string; phone: string; email: string } }) {
  const t = useTranslations("selfService.profile");
  const [state, action, pending] = useActionState(updateProfileAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2" data-testid="profile-form" key={typed.key}>
      <Field label={t("name")} htmlFor="profile-name" error={fieldError("name")}>
        <input id="profile-name" name="name" required maxLength={120} autoComplete="name" defaultValue={typed.value("name", profile.name)} className={inputClass} />
      </Field>
      <Field label={t("phone")} htmlFor="profile-phone" hint={t("phoneHint")} error={fieldError("phone")}>
        <input id="profile-phone" name="phone" type="tel" maxLength={40} autoComplete="tel" defaultValue={typed.value("phone", profile.phone)} className={inputClass} />
      </Field>
      <p className="text-sm text-slate-600 md:col-span-2">{t("email", { email: profile.email })}</p>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
        {state.status === "ok" ? <Alert tone="success" testId="profile-saved">{t("saved")}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
