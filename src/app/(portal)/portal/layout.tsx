import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell } from "@/components/AppShell";
import { SuspendedBanner } from "@/components/portal/SuspendedBanner";
import { isLocale } from "@/domain/i18n/locales";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { unreadThreadCount } from "@/server/messages/message-queries";
import { findSuspensionNotice } from "@/server/subscriptions/find-suspension-notice";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireCustomer();
  const t = await getTranslations();
  const locale = await getLocale();
  const [suspension, unreadMessages] = await Promise.all([findSuspensionNotice(getDb(), user.customerId), unreadThreadCount(getDb(), { side: "CUSTOMER", customerId: user.customerId })]);
  return (
    <AppShell
      home="/portal"
      logoSrc="/company-logo"
      productName={t("common.productName")}
      nav={[
        { href: "/portal", label: t("portal.nav.home") },
        { href: "/portal/invoices", label: t("portal.nav.invoices") },
        { href: "/portal/credit-notes", label: t("portal.nav.creditNotes") },
        { href: "/portal/orders", label: t("portal.nav.orders") },
        { href: "/portal/subscriptions", label: t("portal.nav.subscriptions") },
        // Conversations the billing team answered since the company last read them.
        { href: "/portal/messages", label: unreadMessages > 0 ? t("portal.nav.messagesUnread", { count: unreadMessages }) : t("portal.nav.messages") },
        // Prepaid support hours, their use and every intervention (issue 18).
        { href: "/portal/support", label: t("portal.nav.support") },
        // The account's own pages share one menu, so the header stays one row at 1280 px in every language.
        {
          label: t("portal.nav.account"),
          items: [
            { href: "/portal/sites", label: t("portal.nav.sites") },
            { href: "/portal/payment-methods", label: t("portal.nav.paymentMethods") },
            { href: "/portal/team", label: t("portal.nav.team") },
            { href: "/portal/settings", label: t("portal.nav.settings") },
          ],
        },
      ]}
      userLabel={`${user.name} · ${user.customerName}`}
      locale={isLocale(locale) ? locale : "en"}
      labels={{ language: t("common.language"), signOut: t("common.signOut"), menu: t("common.menu") }}
    >
      {suspension ? <SuspendedBanner notice={suspension} /> : null}
      {children}
    </AppShell>
  );
}
