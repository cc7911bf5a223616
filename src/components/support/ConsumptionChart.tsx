"use client";

import { useLocale, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ConsumptionPointDto } from "@/contracts/support-banks";

/** Both are totals at the end of each day, so both step: bought at each purchase, used at each day of work; the gap is the balance. */
const COLORS = { bought: "#4f46e5", used: "#f59e0b" };

/**
 * Support hours over time (ADR 0018): an image whose label is the one-sentence summary the page
 * prints above it; the same numbers are in the table under it, so nobody depends on the picture.
 */
export function ConsumptionChart({ points, today, summary }: { points: ConsumptionPointDto[]; today: string; summary: string }) {
  const t = useTranslations("supportBanks.portal");
  const locale = useLocale();
  const dayLabel = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  // A time axis, so that a quiet fortnight takes the room of a fortnight, not of one step. Both lines
  // start from nothing the day before the first purchase and run on, flat, to today: even a bank
  // bought and used on one day draws two lines, and a quiet spell shows as one.
  const DAY = 86_400_000;
  const data = points.map((p) => ({ usedHours: p.usedHours, boughtHours: p.boughtHours, t: Date.parse(`${p.on}T00:00:00Z`) }));
  const first = data[0];
  const last = data.at(-1);
  if (first && last) {
    data.unshift({ usedHours: 0, boughtHours: 0, t: first.t - DAY });
    data.push({ ...last, t: Math.max(Date.parse(`${today}T00:00:00Z`), last.t + DAY) });
  }
  return (
    <figure role="img" aria-label={summary} className="h-64 w-full sm:h-72" data-testid="consumption-chart">
      <LineChart data={data} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => dayLabel.format(new Date(v))} tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis allowDecimals tick={{ fontSize: 12 }} width={40} />
        <Tooltip labelFormatter={(v) => dayLabel.format(new Date(Number(v)))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="stepAfter" dataKey="boughtHours" name={t("chartBought")} stroke={COLORS.bought} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="stepAfter" dataKey="usedHours" name={t("chartUsed")} stroke={COLORS.used} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </figure>
  );
}
