"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { SurveySummaryDto } from "@/contracts/support-ticket-views";

/**
 * How many answers gave each score, 1 to 5 (ADR 0018: Recharts). The numbers are also written out
 * beside it, so the chart itself is an image with a one-sentence summary.
 */
export function SurveyChart({ distribution, summary }: { distribution: SurveySummaryDto["distribution"]; summary: string }) {
  const t = useTranslations("supportTickets.surveys");
  const data = distribution.map((d) => ({ label: String(d.score), count: d.count }));
  return (
    <figure role="img" aria-label={summary} className="h-56 w-full" data-testid="survey-chart">
      <BarChart data={data} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
        <Tooltip />
        <Bar dataKey="count" name={t("answers")} fill="#4f46e5" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
