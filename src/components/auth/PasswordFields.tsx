"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui";

/** "New password" + "repeat it", with the policy hint and per-field errors. */
export function PasswordFields({ labels, errors }: { labels: { password: string; confirm: string }; errors: { password?: string; confirm?: string } }) {
  const t = useTranslations("auth");
  return (
    <>
      <Field label={labels.password} htmlFor="password" hint={t("passwordHint")} error={errors.password}>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className={inputClass} />
      </Field>
      <Field label={labels.confirm} htmlFor="confirm" error={errors.confirm}>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
    </>
  );
}
