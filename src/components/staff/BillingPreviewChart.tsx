"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { BillingPreviewDto, PreviewActionKind } from "@/contracts/billing-run-views";

/** One colour per kind of action, chosen to be told apart by people with the common colour-vision deficiencies. */
export const KIND_COLORS: Record<PreviewActionKind, string> = {
  ISSUE_RENEWAL: "#4f46e5",
  START_PERIOD: "#94a3b8",
  SEND_REMINDER: "#0ea5e9",
  SUSPEND: "#f59e0b",
  SUSPEND_ALL: "#b45309",
  TERMINATE: "#dc2626",
};
const KINDS = Object.keys(KIND_COLORS) as PreviewActionKind[];

/**
 * The coming days at a glance: one stacked bar per day, what billing will do that day. The numbers
 * are also in the table beside it, so the chart itself is an image with a one-sentence summary.
 */
export function BillingPreviewChart({ days, summary }: { days: BillingPreviewDto["days"]; summary: string }) {
  const t = useTranslations("billingRuns.kinds");
  const locale = useLocale();
  const dayLabel = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const data = days.map((d) => ({ ...d, label: dayLabel.format(new Date(`${d.on}T00:00:00Z`)) }));
  return (
    <figure role="img" aria-label={summary} className="h-72 w-full" data-testid="preview-chart">
      <BarChart data={data} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {KINDS.map((k) => (
          <Bar key={k} dataKey={k} name={t(k)} stackId="day" fill={KIND_COLORS[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
