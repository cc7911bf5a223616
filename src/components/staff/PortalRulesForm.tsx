"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { savePortalRulesAction } from "@/app/(staff)/staff/groups/[groupId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { FormProblem } from "@/components/FormProblem";
import { AccessQuestionsEditor } from "@/components/staff/AccessQuestionsEditor";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { PortalRulesDto } from "@/contracts/portal-rules-views";
import { TAX_ID_FORMATS, TAX_ID_PATTERNS } from "@/domain/customers/tax-id";
import { LOCALES } from "@/domain/i18n/locales";
import { PORTAL_MESSAGE_MAX, PORTAL_MESSAGE_STEPS } from "@/domain/portal-rules/portal-messages";

const EXAMPLES = { NINE_DIGITS: "123456789", EMPLOYER_NUMBER: "12-3456789", SOCIAL_SECURITY: "123-45-6789", FREE_TEXT: "FR40 123456789" } as const;
const fieldset = "flex flex-col gap-3 rounded-md border border-slate-200 p-4";
const legend = "px-1 text-sm font-semibold text-slate-700";

/**
 * A group's Portal tab. "Use the billing portal" shows the configuration below it; unticking only
 * hides it (its values are kept and saved, so turning the portal back on restores them).
 */
export function PortalRulesForm({ rules, accessBaseUrl }: { rules: PortalRulesDto; accessBaseUrl: string }) {
  const t = useTranslations("groups.portal");
  const [state, action, pending] = useActionState(savePortalRulesAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const typedEnabled = state.status === "error" && state.values ? state.values.portalEnabled === "on" : rules.portalEnabled;
  const [enabled, setEnabled] = useState(typedEnabled);
  const [slug, setSlug] = useState(typed.value("accessSlug", rules.accessSlug ?? ""));
  const format = typed.value("taxIdFormat", rules.taxIdFormat);
  const stepHasError = (step: string) => state.status === "error" && Object.keys(state.fields ?? {}).some((k) => k.startsWith(`messages.${step}.`));
  return (
    <form action={action} key={typed.key} className="flex flex-col gap-5" data-testid="portal-rules-form">
      <input type="hidden" name="groupId" value={rules.groupId} />
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" name="portalEnabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t("enabled")}
      </label>
      <p className="-mt-3 text-sm text-slate-600">{enabled ? t("enabledHint") : t("disabledHint")}</p>
      <div hidden={!enabled} className="flex flex-col gap-5">
        <fieldset className={fieldset}>
          <legend className={legend}>{t("taxIdFormat")}</legend>
          {TAX_ID_FORMATS.map((f) => (
            <label key={f} className="flex items-start gap-2 text-sm">
              <input type="radio" name="taxIdFormat" value={f} defaultChecked={format === f} className="mt-1" />
              <span>
                {t(`formats.${f}`)} {TAX_ID_PATTERNS[f] ? <code className="rounded bg-slate-100 px-1">{TAX_ID_PATTERNS[f]}</code> : null}
                <span className="block text-xs text-slate-500">{t("example", { example: EXAMPLES[f] })}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className={`${fieldset} md:grid md:grid-cols-2`}>
          <legend className={legend}>{t("access")}</legend>
          <Field label={t("accessSlug")} htmlFor="portal-accessSlug" hint={t("accessSlugHint", { url: `${accessBaseUrl}/access/${slug || "…"}` })} error={fieldError("accessSlug")}>
            <input id="portal-accessSlug" name="accessSlug" maxLength={60} value={slug} onChange={(e) => setSlug(e.target.value)} className={inputClass} autoCapitalize="none" spellCheck={false} />
          </Field>
          <Field label={t("maxContacts")} htmlFor="portal-maxContacts" hint={t("maxContactsHint")} error={fieldError("maxContacts")}>
            <input id="portal-maxContacts" name="maxContacts" inputMode="numeric" maxLength={6} defaultValue={typed.value("maxContacts", rules.maxContacts?.toString() ?? "")} className={`${inputClass} max-w-32`} />
          </Field>
          <Field label={t("emailHelpUrl")} htmlFor="portal-emailHelpUrl" hint={t("emailHelpUrlHint")} error={fieldError("emailHelpUrl")}>
            <input id="portal-emailHelpUrl" name="emailHelpUrl" inputMode="url" maxLength={500} placeholder="https://" defaultValue={typed.value("emailHelpUrl", rules.emailHelpUrl ?? "")} className={inputClass} />
          </Field>
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t("messages")}</legend>
          <p className="text-sm text-slate-600">{t("messagesHint")}</p>
          {PORTAL_MESSAGE_STEPS.map((step) => (
            <details key={step} open={stepHasError(step)} className="rounded border border-slate-200 p-3" data-testid={`message-${step}`}>
              <summary className="cursor-pointer text-sm font-medium">{t(`steps.${step}`)}</summary>
              <div className="mt-3 grid gap-3 md:grid-cols-3">
                {LOCALES.map((locale) => {
                  const name = `messages.${step}.${locale}`;
                  return (
                    <Field key={locale} label={t(`languages.${locale}`)} htmlFor={`portal-${step}-${locale}`} error={fieldError(name)}>
                      <textarea id={`portal-${step}-${locale}`} name={name} rows={3} maxLength={PORTAL_MESSAGE_MAX} defaultValue={typed.value(name, rules.messages[step]?.[locale] ?? "")} className={inputClass} />
                    </Field>
                  );
                })}
              </div>
            </details>
          ))}
        </fieldset>
        {/* Remounted when the saved questions change (a save gave new ones their ids) or a save was refused. */}
        <AccessQuestionsEditor key={`${typed.key}:${rules.questions.map((q) => q.id).join(",")}`} questions={rules.questions} state={state} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
        {state.status === "ok" ? <Alert tone="success" testId="portal-rules-saved">{t("saved")}</Alert> : null}
        <FormProblem state={state} />
      </div>
    </form>
  );
}
