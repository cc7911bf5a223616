import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RunCounts, RunProgress, RunStatusBadge } from "@/components/staff/BillingRunViews";
import { RefreshWhileActive } from "@/components/staff/RefreshWhileActive";
import { Alert, Card, Table, Td } from "@/components/ui";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { fmtDate } from "@/domain/billing/display-format";
import { UUID_RE } from "@/domain/shared/row-ids";
import { dateTimeFormat } from "@/domain/shared/intl-formats";
import { requireStaff } from "@/server/auth/guards";
import { getBillingRunView } from "@/server/billing-runs/billing-run-views";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billingRuns");
  return { title: t("runTitle") };
}

/** One billing run: live progress while it works, then what it did and whom it could not bill. */
export default async function BillingRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requireStaff("BILLING");
  const { runId } = await params;
  if (!UUID_RE.test(runId)) notFound();
  const run = await getBillingRunView(getDb(), runId);
  if (!run) notFound();
  const t = await getTranslations("billingRuns");
  const errorText = await getTranslations("billingRuns.errorCodes");
  const locale = await getLocale();
  const when = dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const active = run.status === "QUEUED" || run.status === "RUNNING";
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("runHeading", { day: fmtDate(run.asOf as CalendarDate, locale) })} actions={<RunStatusBadge status={run.status} />}>
        {run.dryRun ? <Alert tone="info">{t("dryRunNotice")}</Alert> : null}
        <div className="my-4">
          <RunProgress run={run} />
        </div>
        <p className="text-sm text-slate-600">
          {t("requestedBy", { who: run.requestedBy, at: when.format(new Date(run.createdAt)) })}
          {run.finishedAt ? ` · ${t("finishedAt", { at: when.format(new Date(run.finishedAt)) })}` : null}
        </p>
      </Card>
      <Card title={run.dryRun ? t("wouldDo") : t("did")}>
        <RunCounts run={run} />
      </Card>
      <Card title={t("failures")}>
        {run.errors.length === 0 ? (
          <p className="px-2 py-4 text-sm text-slate-500">{t("noFailures")}</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">{t("failuresHint")}</p>
            <Table headers={[t("customer"), t("problem")]}>
              {run.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a run's errors are a fixed list; one customer may appear once per problem
                <tr key={i} data-testid="run-error">
                  <Td>{e.customerId ? <Link href={`/staff/customers/${e.customerId}`}>{e.customerName ?? e.customerId}</Link> : t("wholeRun")}</Td>
                  <Td>{errorText.has(e.code) ? errorText(e.code) : e.code}</Td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </Card>
      <p>
        <Link href="/staff/billing-runs">{t("backToRuns")}</Link>
      </p>
      <RefreshWhileActive active={active} />
    </div>
  );
}
