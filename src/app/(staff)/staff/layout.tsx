import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell, type NavEntry } from "@/components/AppShell";
import { staffMayAct } from "@/domain/auth/roles";
import { isLocale } from "@/domain/i18n/locales";
import { requireStaffSession } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { unreadThreadCount } from "@/server/messages/message-queries";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  // Each page checks its own access (requireStaff); an admin who must still enrol reaches /staff/security.
  const user = await requireStaffSession();
  const t = await getTranslations();
  const locale = await getLocale();
  // One header row at 1280 px: the daily lists inline, the other ledger lists and the administration
  // pages in one menu each, and the reader's own security beside their name.
  const nav: NavEntry[] = [{ href: "/staff", label: t("staff.nav.home") }];
  // Secure messages are the billing team's (ADR 0020); the count is of conversations nobody on the team has read.
  // They sit first in the Billing menu: one more inline link would break the one-row header in French.
  const messages = staffMayAct(user.staffRoles, ["BILLING"]) ? await unreadThreadCount(getDb(), { side: "STAFF" }) : null;
  if (staffMayAct(user.staffRoles, ["BILLING", "SUPPORT"])) {
    nav.push({ href: "/staff/customers", label: t("staff.nav.customers") }, { href: "/staff/invoices", label: t("staff.nav.invoices") });
    nav.push({
      label: t("staff.nav.billing"),
      items: [
        ...(messages === null ? [] : [{ href: "/staff/messages", label: messages > 0 ? t("staff.nav.messagesUnread", { count: messages }) : t("staff.nav.messages") }]),
        { href: "/staff/orders", label: t("staff.nav.orders") },
        { href: "/staff/credit-notes", label: t("staff.nav.creditNotes") },
        { href: "/staff/payments", label: t("staff.nav.payments") },
        { href: "/staff/catalogue", label: t("staff.nav.catalogue") },
        // Support staff read the ledger; running billing and its rules are billing staff's.
        ...(staffMayAct(user.staffRoles, ["BILLING"])
          ? [
              { href: "/staff/billing-runs", label: t("staff.nav.billingRuns") },
              { href: "/staff/groups", label: t("staff.nav.groups") },
              { href: "/staff/access-requests", label: t("staff.nav.accessRequests") },
            ]
          : []),
      ],
    });
  }
  // Support tickets (issue 18): the queue, a phone call written down, what customers said of closed
  // tickets. Support staff get their own menu; admins, who stand in for them, find the same links in
  // the Administration menu: a fourth menu would break their one-row header in French.
  const support = [
    { href: "/staff/support", label: t("staff.nav.supportQueue") },
    { href: "/staff/support/tickets/new", label: t("staff.nav.supportNewTicket") },
    { href: "/staff/support/inbox", label: t("staff.nav.supportInbox") },
    { href: "/staff/support/surveys", label: t("staff.nav.supportSurveys") },
  ];
  const admin = staffMayAct(user.staffRoles, ["ADMIN"]);
  if (!admin && staffMayAct(user.staffRoles, ["SUPPORT"])) nav.push({ label: t("staff.nav.support"), items: support });
  if (admin) {
    nav.push({
      label: t("staff.nav.admin"),
      items: [
        ...support,
        { href: "/staff/outbox", label: t("staff.nav.outbox") },
        { href: "/staff/audit", label: t("staff.nav.audit") },
        { href: "/staff/api-tokens", label: t("staff.nav.apiTokens") },
        { href: "/staff/team", label: t("staff.nav.team") },
        { href: "/staff/settings/company", label: t("staff.nav.settings") },
        { href: "/staff/settings/webhooks", label: t("staff.nav.webhooks") },
        { href: "/staff/settings/support", label: t("staff.nav.supportSettings") },
      ],
    });
  }
  return (
    <AppShell
      home="/staff"
      logoSrc="/company-logo"
      productName={t("common.productName")}
      badge={t("staff.badge")}
      nav={nav}
      accountLinks={[{ href: "/staff/security", label: t("staff.nav.security") }]}
      userLabel={user.name}
      locale={isLocale(locale) ? locale : "en"}
      labels={{ language: t("common.language"), signOut: t("common.signOut"), menu: t("common.menu") }}
    >
      {children}
    </AppShell>
  );
}
