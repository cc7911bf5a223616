import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { StartAccessForm } from "@/components/access/StartAccessForm";
import { AccessDeadEnd } from "@/components/access/AccessDeadEnd";
import { Alert } from "@/components/ui";
import type { AccessStartDto } from "@/contracts/access-requests";
import { ZAccessSlug } from "@/contracts/access-requests";
import { isLocale } from "@/domain/i18n/locales";
import { isDomainError } from "@/domain/shared/domain-error";
import { describeAccessStart } from "@/server/access-requests/describe-access-request";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessRequest");
  return { title: t("title") };
}

/** Public: a customer group's link to request portal access. The terms are accepted here. */
export default async function AccessStartPage({ params }: { params: Promise<{ slug: string }> }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const slug = ZAccessSlug.safeParse((await params).slug);
  let start: AccessStartDto | null = null;
  if (slug.success) {
    try {
      start = await describeAccessStart(getDb(), slug.data, isLocale(locale) ? locale : "en");
    } catch (e) {
      if (!isDomainError(e)) throw e;
    }
  }
  if (!start) {
    return <AccessDeadEnd title={t("accessRequest.unknownTitle")} body={t("accessRequest.unknownBody")} testId="access-unknown" />;
  }
  if (!start.portalEnabled) {
    return <AccessDeadEnd title={t("accessRequest.portalDisabledTitle")} body={t("errors.PORTAL_DISABLED")} testId="access-portal-disabled" />;
  }
  return (
    <div className="flex flex-col gap-4">
      <h1>{t("accessRequest.title")}</h1>
      <p className="text-sm text-slate-600">{t("accessRequest.intro")}</p>
      {start.termsMessage ? (
        <Alert tone="info" testId="access-step-message">
          {start.termsMessage}
        </Alert>
      ) : null}
      <h2>{t("accessRequest.termsTitle")}</h2>
      {start.termsText ? (
        <div className="flex flex-col gap-1">
          <p className="text-xs text-slate-500">{t("accessRequest.termsVersion", { version: start.termsVersion ?? 0 })}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: long terms scroll; the keyboard must reach them (axe scrollable-region-focusable) */}
          <div tabIndex={0} className="max-h-64 overflow-y-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="access-terms">
            {start.termsText}
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("accessRequest.noTerms")}</p>
      )}
      <StartAccessForm slug={start.slug} hasTerms={start.termsVersion !== null} />
    </div>
  );
}
