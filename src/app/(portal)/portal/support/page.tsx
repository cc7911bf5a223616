import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ConsumptionChart } from "@/components/support/ConsumptionChart";
import { ConsumptionTable, HourBankTable, SupportBalanceCards, TimeEntryTable } from "@/components/support/SupportViews";
import { Alert, Card } from "@/components/ui";
import { fmtMoney } from "@/domain/billing/display-format";
import { minutesToHours } from "@/domain/support/duration-format";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getSupportOverview } from "@/server/support/banks/get-support-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportBanks.portal");
  return { title: t("title") };
}

/** The company's support hours: balance, consumption over time, every intervention, every bank. Its own company only. */
export default async function PortalSupportPage() {
  const user = await requireCustomer();
  const overview = await getSupportOverview(getDb(), user.customerId);
  const t = await getTranslations("supportBanks");
  const locale = await getLocale();
  if (!overview) return null;
  const { balance } = overview;
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const summary = t("portal.chartSummary", {
    used: hours.format(minutesToHours(balance.usedMinutes)),
    bought: hours.format(minutesToHours(balance.boughtMinutes)),
    left: hours.format(minutesToHours(balance.remainingMinutes)),
  });
  const hasBank = overview.banks.length > 0;
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("portal.title")}>
        <p className="mb-2 text-sm text-slate-600">{t("portal.intro")}</p>
        <p className="mb-4 text-sm">
          <Link href="/portal/support/tickets" data-testid="support-tickets-link">
            {t("portal.ticketsLink")}
          </Link>
        </p>
        {hasBank ? (
          <SupportBalanceCards balance={balance} />
        ) : (
          <Alert tone="info" testId="pay-as-you-go">
            {overview.hourlyRate ? t("portal.payg", { rate: fmtMoney(overview.hourlyRate.rateMinor, overview.hourlyRate.currency, locale) }) : t("portal.paygNoRate")}
          </Alert>
        )}
      </Card>
      {hasBank ? (
        <Card title={t("portal.chartTitle")}>
          <p className="mb-2 text-sm text-slate-700" data-testid="chart-summary">
            {summary}
          </p>
          <ConsumptionChart points={overview.consumption} today={overview.today} summary={summary} />
          <ConsumptionTable points={overview.consumption} />
        </Card>
      ) : null}
      <Card title={t("entries")}>
        <TimeEntryTable entries={overview.entries} currency={overview.currency} invoiceHrefBase="/portal/invoices" emptyText={t("portal.noEntries")} />
      </Card>
      {hasBank ? (
        <Card title={t("banks")}>
          <HourBankTable banks={overview.banks} invoiceHrefBase="/portal/invoices" />
        </Card>
      ) : null}
    </div>
  );
}
