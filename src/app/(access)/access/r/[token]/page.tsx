import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AccessStatusPanel } from "@/components/access/AccessStatusPanel";
import { CompanyStepForm, ContactStepForm, QuestionsStepForm, TermsStepForm } from "@/components/access/AccessStepForms";
import { AccessDeadEnd } from "@/components/access/AccessDeadEnd";
import { Alert } from "@/components/ui";
import { type AccessRequestDraftDto, ZResumeToken } from "@/contracts/access-requests";
import { ACCESS_REQUEST_TABS, type AccessRequestTab } from "@/domain/access-requests/access-request-steps";
import { isLocale } from "@/domain/i18n/locales";
import { isDomainError } from "@/domain/shared/domain-error";
import { describeAccessRequest } from "@/server/access-requests/describe-access-request";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessRequest");
  return { title: t("title") };
}

const ZQuery = z.object({
  tab: z.enum(ACCESS_REQUEST_TABS).catch("terms"),
  saved: z.enum(["terms", "contact", "company", "questions", "submitted"]).optional().catch(undefined),
});

/** Public: a draft access request opened from its e-mailed link, one tab at a time, each saved on its own. */
export default async function AccessRequestPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const token = ZResumeToken.safeParse((await params).token);
  const query = ZQuery.parse(await searchParams);
  let draft: AccessRequestDraftDto | null = null;
  if (token.success) {
    try {
      draft = await describeAccessRequest(getDb(), token.data, isLocale(locale) ? locale : "en");
    } catch (e) {
      if (!isDomainError(e)) throw e;
    }
  }
  if (!token.success || !draft) {
    return <AccessDeadEnd title={t("accessRequest.unknownTitle")} body={t("accessRequest.unknownBody")} testId="access-unknown" />;
  }
  if (!draft.portalEnabled) {
    return <AccessDeadEnd title={t("accessRequest.portalDisabledTitle")} body={t("errors.PORTAL_DISABLED")} testId="access-portal-disabled" />;
  }
  // Once sent, the request is read-only: only its status remains to see.
  const tab: AccessRequestTab = draft.status === "DRAFT" ? query.tab : "status";
  const stepMessage = tab === "status" ? null : draft.messages[tab];
  return (
    <div className="flex flex-col gap-4">
      <h1>{t("accessRequest.title")}</h1>
      <nav aria-label={t("accessRequest.tabs.label")}>
        <ol className="flex flex-wrap gap-2 border-b border-slate-200 pb-2 text-sm">
          {ACCESS_REQUEST_TABS.map((name) => {
            const done = name === "status" ? draft.complete : draft.tabs[name];
            return (
              <li key={name}>
                <Link
                  href={`/access/r/${token.data}?tab=${name}`}
                  aria-current={name === tab ? "step" : undefined}
                  data-testid={`access-tab-${name}`}
                  className={`inline-flex items-center gap-1 rounded-md px-2 py-1 no-underline ${name === tab ? "bg-indigo-50 font-semibold text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {t(`accessRequest.tabs.${name}`)}
                  {name === "status" ? null : <span className={`text-xs ${done ? "text-emerald-700" : "text-amber-800"}`}>({done ? t("accessRequest.complete") : t("accessRequest.incomplete")})</span>}
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
      {query.saved && query.saved !== "submitted" ? (
        <Alert tone="success" testId="access-saved">
          {query.saved === "contact" ? t("accessRequest.savedContact", { email: draft.contactEmail }) : t("accessRequest.saved")}
        </Alert>
      ) : null}
      <h2>{t(`accessRequest.tabs.${tab}`)}</h2>
      {stepMessage ? (
        <Alert tone="info" testId="access-step-message">
          {stepMessage}
        </Alert>
      ) : null}
      {tab === "terms" ? (
        <>
          {draft.termsText ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: long terms scroll; the keyboard must reach them (axe scrollable-region-focusable)
            <div tabIndex={0} className="max-h-64 overflow-y-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              {draft.termsText}
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("accessRequest.noTerms")}</p>
          )}
          <TermsStepForm token={token.data} accepted={draft.tabs.terms} />
        </>
      ) : null}
      {tab === "contact" ? <ContactStepForm token={token.data} draft={draft} /> : null}
      {tab === "company" ? <CompanyStepForm token={token.data} draft={draft} /> : null}
      {tab === "questions" ? <QuestionsStepForm token={token.data} draft={draft} /> : null}
      {tab === "status" ? <AccessStatusPanel token={token.data} draft={draft} justSubmitted={query.saved === "submitted"} /> : null}
    </div>
  );
}
