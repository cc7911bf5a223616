import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CursorNav } from "@/components/lists/ListControls";
import { BillingRunForm } from "@/components/staff/BillingRunForm";
import { BillingRunTable } from "@/components/staff/BillingRunViews";
import { RefreshWhileActive } from "@/components/staff/RefreshWhileActive";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { ZBillingRunPageQuery } from "@/contracts/billing-runs";
import { pageRequest } from "@/contracts/list-cursor";
import { todayIn } from "@/domain/billing/calendar-date";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { listBillingRunViews } from "@/server/billing-runs/billing-run-views";
import { env } from "@/server/config";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billingRuns");
  return { title: t("title") };
}

/** Billing runs: start one (or count what one would do), and every run so far, newest first. */
export default async function BillingRunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING");
  const query = ZBillingRunPageQuery.parse(searchParamsToObject(await searchParams));
  const page = await listBillingRunViews(getDb(), pageRequest(query, 25));
  const t = await getTranslations("billingRuns");
  const { BILLING_RUN_AT, BILLING_TIME_ZONE } = env();
  const active = page.items.some((r) => r.status === "QUEUED" || r.status === "RUNNING");
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("title")} actions={<Link href="/staff/billing-runs/preview">{t("previewLink")}</Link>}>
        <p className="mb-4 text-sm text-slate-600">{t("intro", { at: BILLING_RUN_AT, timeZone: BILLING_TIME_ZONE })}</p>
        <BillingRunForm today={todayIn(BILLING_TIME_ZONE, new Date())} />
      </Card>
      <Card title={t("history")}>
        {page.items.length === 0 ? <p className="px-2 py-4 text-sm text-slate-500">{t("noRuns")}</p> : <BillingRunTable runs={page.items} />}
        <CursorNav links={pageLinks(page, (r) => r.id)} params={{}} />
      </Card>
      <RefreshWhileActive active={active} everyMs={2000} />
    </div>
  );
}
