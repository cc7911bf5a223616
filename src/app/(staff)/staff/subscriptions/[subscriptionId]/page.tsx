import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Timeline } from "@/components/billing/Timeline";
import { ManualStatusForm } from "@/components/staff/ManualStatusForm";
import { Badge, Card } from "@/components/ui";
import { staffMayAct } from "@/domain/auth/roles";
import { fmtDate, fmtMoney, fmtPeriod } from "@/domain/billing/display-format";
import { requireStaff } from "@/server/auth/guards";
import { manualStatusChangesAllowed } from "@/server/customer-groups/customer-group-repository";
import { getDb } from "@/server/db/client";
import { findSubscriptionSummary } from "@/server/subscriptions/subscription-summary-repository";
import { getSubscriptionTimeline } from "@/server/timelines/get-subscription-timeline";

/** A subscription in the back-office: what it is, where it stands, and everything that happened to it. */
export default async function StaffSubscriptionPage({
  params,
}: {
  params: Promise<{ subscriptionId: string }>;
}) {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const id = z
    .string()
    .uuid()
    .safeParse((await params).subscriptionId);
  if (!id.success) notFound();
  const db = getDb();
  const [sub, timeline, manualAllowed] = await Promise.all([
    findSubscriptionSummary(db, id.data),
    getSubscriptionTimeline(db, id.data),
    manualStatusChangesAllowed(db, id.data),
  ]);
  if (!sub || !timeline) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const emailHref = staffMayAct(staff.staffRoles, ["ADMIN"])
    ? (emailId: string) => `/staff/outbox/${emailId}`
    : undefined;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <div className="flex flex-col gap-6">
      <Card
        level={1}
        title={sub.description}
        actions={<Badge>{t(`subscriptions.statuses.${sub.status}`)}</Badge>}
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          {row(
            t("subscriptionPage.customer"),
            <Link href={`/staff/customers/${sub.customer.id}`}>{sub.customer.legalName}</Link>,
          )}
          {row(t("subscriptionPage.product"), sub.productName)}
          {row(
            t("subscriptionPage.status"),
            t(`subscriptions.statuses.${sub.status}`),
            "subscription-status",
          )}
          {row(t("subscriptionPage.cycle"), t(`cycles.${sub.cycle}`))}
          {/* Periods are half-open in the ledger; fmtPeriod prints them with both days included. */}
          {row(
            t("subscriptionPage.currentPeriod"),
            <span className="tabular-nums">{fmtPeriod(sub.currentPeriod, locale)}</span>,
            "subscription-period",
          )}
          {row(
            t("subscriptionPage.nextRenewal"),
            sub.nextRenewal ? (
              <span className="tabular-nums">{fmtDate(sub.nextRenewal, locale)}</span>
            ) : (
              t("subscriptionPage.noRenewal")
            ),
            "subscription-next-renewal",
          )}
          {row(
            t("subscriptionPage.price"),
            `${sub.quantity !== "1" ? `${sub.quantity} × ` : ""}${fmtMoney(sub.unitAmountMinor, sub.currency, locale)}`,
          )}
        </dl>
      </Card>
      {staffMayAct(staff.staffRoles, ["BILLING"]) ? (
        <Card title={t("manualStatus.title")}>
          <ManualStatusForm subscriptionId={sub.id} description={sub.description} status={sub.status} allowed={manualAllowed} />
        </Card>
      ) : null}
      <Card title={t("timeline.title")}>
        <Timeline
          items={timeline.map((e) => ({ at: e.at, kind: e.kind, cause: e.cause, emailId: e.emailId }))}
          emailHref={emailHref}
        />
      </Card>
    </div>
  );
}
