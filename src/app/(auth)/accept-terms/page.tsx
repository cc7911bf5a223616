import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AcceptTermsForm } from "@/components/portal/AcceptTermsForm";
import { isLocale } from "@/domain/i18n/locales";
import { PORTAL_CLOSED_PAGE, customerPortalAccess, requireCustomerSession } from "@/server/auth/guards";
import { getPendingTerms } from "@/server/customer-groups/get-pending-terms";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portalTerms");
  return { title: t("title") };
}

/** Before the portal: the group's latest terms in the reader's language, and "I accept". */
export default async function AcceptTermsPage() {
  const user = await requireCustomerSession();
  const access = await customerPortalAccess(user);
  if (access.kind === "disabled") redirect(PORTAL_CLOSED_PAGE);
  const terms = await getPendingTerms(getDb(), user);
  if (!terms) redirect("/portal");
  const t = await getTranslations("portalTerms");
  const locale = await getLocale();
  const text = (isLocale(locale) ? terms.body[locale] : undefined) ?? terms.body.en ?? "";
  return (
    <>
      <h1 className="mb-2">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("intro", { company: user.customerName, version: terms.version })}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <section tabIndex={0} aria-label={t("textLabel", { version: terms.version })} className="mb-4 max-h-96 overflow-y-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="terms-text">
        {text}
      </section>
      <AcceptTermsForm termsVersionId={terms.id} />
    </>
  );
}
