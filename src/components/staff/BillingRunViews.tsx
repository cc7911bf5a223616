import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { BillingRunCountsDto, BillingRunViewDto } from "@/contracts/billing-run-views";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { fmtDate } from "@/domain/billing/display-format";
import { dateTimeFormat } from "@/domain/shared/intl-formats";
import { Badge, Table, Td } from "@/components/ui";

/** The counts a run shows, in the order a person reads what billing did. */
export const RUN_COUNTS: (keyof BillingRunCountsDto)[] = [
  "invoicesCreated",
  "linesCreated",
  "periodsStarted",
  "remindersSent",
  "suspensions",
  "terminations",
  "reinstatements",
  "cyclesLengthened",
  "errors",
];

const STATUS_COLORS: Record<BillingRunViewDto["status"], string> = {
  QUEUED: "bg-slate-100 text-slate-700",
  RUNNING: "bg-sky-100 text-sky-800",
  SUCCEEDED: "bg-emerald-100 text-emerald-800",
  FAILED: "bg-red-100 text-red-800",
};

export function RunStatusBadge({ status }: { status: BillingRunViewDto["status"] }) {
  const t = useTranslations("billingRuns.statuses");
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_COLORS[status]}`} data-testid="run-status">
      {t(status)}
    </span>
  );
}

/** How far the run has got: a progress bar over the customers it reads. */
export function RunProgress({ run }: { run: BillingRunViewDto }) {
  const t = useTranslations("billingRuns");
  const total = run.customersTotal ?? 0;
  const done = run.status === "SUCCEEDED" ? total : Math.min(run.customersDone, total);
  const percent = total === 0 ? (run.status === "SUCCEEDED" ? 100 : 0) : Math.round((done / total) * 100);
  return (
    <div className="flex flex-col gap-1" data-testid="run-progress">
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className={`h-full ${run.status === "FAILED" ? "bg-red-500" : "bg-indigo-600"} transition-[width]`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600">{run.customersTotal === null ? t("waiting") : t("customersDone", { done, total })}</p>
    </div>
  );
}

/** The counts as tiles: what the run did (or, for a dry run, would do). */
export function RunCounts({ run }: { run: BillingRunViewDto }) {
  const t = useTranslations("billingRuns.counts");
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {RUN_COUNTS.map((k) => (
        <div key={k} className={`rounded-md border p-3 ${k === "errors" && run.counts.errors > 0 ? "border-red-200 bg-red-50" : "border-slate-200"}`}>
          <dt className="text-xs text-slate-600">{t(k)}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid={`count-${k}`}>
            {run.counts[k]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The list of runs; on a phone the date, status and invoices created. */
export function BillingRunTable({ runs }: { runs: BillingRunViewDto[] }) {
  const t = useTranslations("billingRuns");
  const locale = useLocale();
  const when = dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const secondary = "hidden md:table-cell";
  return (
    <Table
      headers={[
        t("asOf"),
        t("status"),
        { label: t("counts.invoicesCreated"), className: "text-right" },
        { label: t("counts.remindersSent"), className: `text-right ${secondary}` },
        { label: t("counts.suspensions"), className: `text-right ${secondary}` },
        { label: t("counts.errors"), className: `text-right ${secondary}` },
        { label: t("startedAt"), className: secondary },
      ]}
    >
      {runs.map((r) => (
        <tr key={r.id} data-testid="billing-run-row">
          <Td>
            <Link href={`/staff/billing-runs/${r.id}`} className="whitespace-nowrap">
              {fmtDate(r.asOf as CalendarDate, locale)}
            </Link>
            {r.dryRun ? (
              <span className="ml-2">
                <Badge>{t("dryRunBadge")}</Badge>
              </span>
            ) : null}
          </Td>
          <Td>
            <RunStatusBadge status={r.status} />
          </Td>
          <Td className="text-right tabular-nums">{r.counts.invoicesCreated}</Td>
          <Td className={`text-right tabular-nums ${secondary}`}>{r.counts.remindersSent}</Td>
          <Td className={`text-right tabular-nums ${secondary}`}>{r.counts.suspensions}</Td>
          <Td className={`text-right tabular-nums ${secondary}`}>{r.counts.errors}</Td>
          <Td className={`whitespace-nowrap ${secondary}`}>{when.format(new Date(r.startedAt ?? r.createdAt))}</Td>
        </tr>
      ))}
    </Table>
  );
}
