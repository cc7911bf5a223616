import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BillingPreviewChart } from "@/components/staff/BillingPreviewChart";
import { Card, Field, inputClass, secondaryButtonClass, Table, Td } from "@/components/ui";
import type { PreviewActionKind } from "@/contracts/billing-run-views";
import { ZBillingPreviewQuery } from "@/contracts/billing-runs";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { type CalendarDate, todayIn } from "@/domain/billing/calendar-date";
import { fmtDate } from "@/domain/billing/display-format";
import { requireStaff } from "@/server/auth/guards";
import { previewComingDays } from "@/server/billing-runs/billing-run-views";
import { env } from "@/server/config";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billingRuns");
  return { title: t("previewTitle") };
}

const KINDS: PreviewActionKind[] = ["ISSUE_RENEWAL", "SEND_REMINDER", "SUSPEND", "SUSPEND_ALL", "TERMINATE", "START_PERIOD"];

/** What billing will do over the coming days, per day and per customer, changing nothing. */
export default async function BillingPreviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING");
  const { days } = ZBillingPreviewQuery.parse(searchParamsToObject(await searchParams));
  const today = todayIn(env().BILLING_TIME_ZONE, new Date());
  const preview = await previewComingDays(getDb(), today, days);
  const t = await getTranslations("billingRuns");
  const locale = await getLocale();
  const total = KINDS.reduce((n, k) => n + preview.counts[k], 0);
  const summary = t("previewSummary", {
    from: fmtDate(preview.from as CalendarDate, locale),
    to: fmtDate(preview.to as CalendarDate, locale),
    invoices: preview.counts.ISSUE_RENEWAL,
    reminders: preview.counts.SEND_REMINDER,
    suspensions: preview.counts.SUSPEND + preview.counts.SUSPEND_ALL,
    terminations: preview.counts.TERMINATE,
  });
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("previewTitle")} actions={<Link href="/staff/billing-runs">{t("backToRuns")}</Link>}>
        <p className="mb-3 text-sm text-slate-600">{t("previewIntro")}</p>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" data-testid="preview-form">
          <Field label={t("daysAhead")} htmlFor="preview-days">
            <input id="preview-days" name="days" type="number" min={0} max={90} defaultValue={days} className={`${inputClass} w-28`} />
          </Field>
          <button type="submit" className={secondaryButtonClass}>
            {t("showPreview")}
          </button>
        </form>
        <p className="mb-3 text-sm font-medium" data-testid="preview-summary">
          {summary}
        </p>
        {total > 0 ? <BillingPreviewChart days={preview.days} summary={summary} /> : <p className="py-4 text-sm text-slate-500">{t("previewNothing")}</p>}
      </Card>
      <Card title={t("previewCustomers")}>
        {preview.customers.length === 0 ? (
          <p className="px-2 py-4 text-sm text-slate-500">{t("previewNothing")}</p>
        ) : (
          <Table headers={[t("customer"), t("on"), t("action"), { label: t("about"), className: "hidden md:table-cell" }]}>
            {preview.customers.flatMap((c) =>
              c.actions.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a customer's planned actions are a fixed, ordered list
                <tr key={`${c.customerId}-${i}`} data-testid="preview-row">
                  <Td>{i === 0 ? <Link href={`/staff/customers/${c.customerId}`}>{c.customerName}</Link> : null}</Td>
                  <Td className="whitespace-nowrap">{fmtDate(a.on as CalendarDate, locale)}</Td>
                  <Td>
                    {t(`kinds.${a.kind}`)}
                    {/* On a phone what it is about goes under the action, not in a column off screen. */}
                    <span className="block text-xs text-slate-500 md:hidden">{[a.invoiceNumber, ...a.subscriptions].filter(Boolean).join(" · ")}</span>
                  </Td>
                  <Td className="hidden md:table-cell">{[a.invoiceNumber, ...a.subscriptions].filter(Boolean).join(" · ")}</Td>
                </tr>
              )),
            )}
          </Table>
        )}
        {preview.customers.length >= 100 ? <p className="mt-2 text-sm text-slate-500">{t("previewFirst100")}</p> : null}
      </Card>
      {preview.errors.length > 0 ? (
        <Card title={t("failures")}>
          <ul className="list-disc pl-5 text-sm">
            {preview.errors.map((e) => (
              <li key={e.customerId}>
                <Link href={`/staff/customers/${e.customerId}`}>{e.customerName}</Link>: {e.code}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
