"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { publishTermsAction } from "@/app/(staff)/staff/groups/[groupId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { FormProblem } from "@/components/FormProblem";
import { Alert, Field, inputClass, Table, Td } from "@/components/ui";
import { useFieldError, useTypedValues } from "@/components/use-field-error";
import type { TermsAcceptanceDto, TermsVersionSummaryDto } from "@/contracts/portal-rules-views";
import { LOCALES } from "@/domain/i18n/locales";

/**
 * Publishing a new version of the group's terms (it asks every user of the group to accept again,
 * so the button confirms it), the versions published with how many accepted each, and who accepted
 * which version when.
 */
export function TermsPanel({ groupId, versions, acceptances }: { groupId: string; versions: TermsVersionSummaryDto[]; acceptances: TermsAcceptanceDto[] }) {
  const t = useTranslations("groups.terms");
  const languages = useTranslations("groups.portal.languages");
  const format = useFormatter();
  const [state, action, pending] = useActionState(publishTermsAction, idle);
  const fieldError = useFieldError(state);
  const typed = useTypedValues(state);
  const next = (versions[0]?.version ?? 0) + 1;
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-5">
      <form action={action} key={typed.key} className="flex flex-col gap-3" data-testid="publish-terms-form">
        <input type="hidden" name="groupId" value={groupId} />
        <p className="text-sm text-slate-600">{t("intro")}</p>
        {LOCALES.map((locale) => (
          <Field key={locale} label={languages(locale)} htmlFor={`terms-${locale}`} hint={locale === "en" ? t("englishRequired") : t("fallsBack")} error={fieldError(`terms.${locale}`)}>
            <textarea id={`terms-${locale}`} name={`terms.${locale}`} rows={5} maxLength={50_000} defaultValue={typed.value(`terms.${locale}`)} required={locale === "en"} className={inputClass} />
          </Field>
        ))}
        <div className="flex flex-wrap items-center gap-3">
          <ConfirmSubmit label={t("publish", { version: next })} summary={t("confirm", { version: next })} confirmLabel={t("confirmButton", { version: next })} disabled={pending} testId="publish-terms" />
          {state.status === "ok" ? <Alert tone="success" testId="terms-published">{t("published", { version: state.values?.version ?? "" })}</Alert> : null}
          <FormProblem state={state} />
        </div>
      </form>
      <div>
        <h3 className="mb-2 font-semibold">{t("versions")}</h3>
        <Table headers={[t("version"), t("publishedAt"), t("publishedBy"), { label: t("accepted"), className: "text-right" }]} empty={versions.length === 0 ? t("noVersions") : undefined}>
          {versions.map((v) => (
            <tr key={v.id} data-testid="terms-version-row">
              <Td>v{v.version}</Td>
              <Td>{when(v.publishedAt)}</Td>
              <Td>{v.publishedBy ?? "—"}</Td>
              <Td className="text-right tabular-nums">{v.acceptedCount}</Td>
            </tr>
          ))}
        </Table>
      </div>
      <div>
        <h3 className="mb-2 font-semibold">{t("acceptances")}</h3>
        <Table headers={[t("who"), { label: t("company"), className: "hidden md:table-cell" }, t("version"), t("acceptedAt"), { label: t("clientAddress"), className: "hidden md:table-cell" }]} empty={acceptances.length === 0 ? t("noAcceptances") : undefined}>
          {acceptances.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and ordered by the server
            <tr key={i} data-testid="terms-acceptance-row">
              <Td className="break-all">{a.who}</Td>
              <Td className="hidden md:table-cell">{a.company ?? "—"}</Td>
              <Td>v{a.version}</Td>
              <Td>{when(a.acceptedAt)}</Td>
              <Td className="hidden md:table-cell">{a.clientAddress ?? "—"}</Td>
            </tr>
          ))}
        </Table>
      </div>
    </div>
  );
}
