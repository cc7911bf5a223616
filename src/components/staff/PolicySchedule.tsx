import { useTranslations } from "next-intl";
import type { DunningPolicy } from "@/domain/billing/dunning-policy";

type Step = { offset: number; label: string; business?: boolean; tone: string };

/**
 * The policy as the schedule it produces around one renewal date D: what happens on which day, in
 * order, as a row of steps (wrapping on a phone). Staff see at a glance what they are setting.
 */
export function PolicySchedule({ policy }: { policy: DunningPolicy }) {
  const t = useTranslations("groups.schedule");
  const steps: Step[] = [
    { offset: -policy.renewalLeadDays, label: t("issued"), tone: "bg-indigo-100 text-indigo-900" },
    ...policy.reminderDaysBeforeDue.map((d) => ({ offset: -d, label: t("reminder"), tone: "bg-sky-100 text-sky-900" })),
    { offset: 0, label: t("due"), tone: "bg-slate-800 text-white" },
    { offset: policy.suspendAfterDays, label: t("suspended"), tone: "bg-amber-100 text-amber-900" },
    { offset: policy.suspendAllAfterBusinessDays, label: t("suspendedAll"), business: true, tone: "bg-amber-200 text-amber-950" },
    { offset: policy.terminateAfterDays, label: t("terminated"), tone: "bg-red-100 text-red-900" },
  ];
  // Business days come at least as late as the same number of calendar days: sort them as such.
  steps.sort((a, b) => a.offset - b.offset || (a.business ? 1 : 0) - (b.business ? 1 : 0));
  const day = (s: Step) => {
    const letter = t("dayLetter"); // D in English and Spanish, J (jour) in French
    const n = s.offset === 0 ? letter : `${letter}${s.offset > 0 ? "+" : "−"}${Math.abs(s.offset)}`;
    return s.business ? t("businessDay", { day: n }) : n;
  };
  return (
    <ol className="flex flex-wrap items-stretch gap-2" aria-label={t("label")} data-testid="policy-schedule">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the steps are derived in a fixed order from the policy
        <li key={i} className={`flex min-w-24 flex-col rounded-md px-3 py-2 text-sm ${s.tone}`}>
          <span className="font-semibold tabular-nums">{day(s)}</span>
          <span>{s.label}</span>
        </li>
      ))}
    </ol>
  );
}
