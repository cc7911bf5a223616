import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { SurveyAnswerDto, SurveySummaryDto } from "@/contracts/support-ticket-views";
import { SurveyChart } from "@/components/support/SurveyChart";

/** The survey answers at a glance: average, distribution 1-5 (chart and numbers), the latest comments. */
export function SurveySummary({ summary }: { summary: SurveySummaryDto }) {
  const t = useTranslations("supportTickets.surveys");
  const format = useFormatter();
  const chartSummary = t("chartSummary", { counts: summary.distribution.map((d) => `${d.score}: ${d.count}`).join(", ") });
  return (
    <div className="flex flex-col gap-4" data-testid="survey-summary">
      <p className="text-sm">
        {summary.average === null ? t("noAnswers", { sent: summary.sent }) : t("average", { average: format.number(summary.average, { maximumFractionDigits: 1 }), answered: summary.answered, sent: summary.sent })}
      </p>
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SurveyChart distribution={summary.distribution} summary={chartSummary} />
        <ul className="flex flex-col gap-1 text-sm" aria-label={t("distribution")}>
          {summary.distribution.map((d) => (
            <li key={d.score} data-testid="survey-count">
              {t("scoreCount", { score: d.score, count: d.count })}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">{t("latestComments")}</h3>
        {summary.latest.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noComments")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {summary.latest.map((c) => (
              <li key={c.ticketId} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="survey-comment">
                <p className="mb-1 flex flex-wrap gap-x-3 text-xs text-slate-600">
                  <Link href={`/staff/support/tickets/${c.ticketId}`}>{c.reference}</Link>
                  <span>{c.customerName}</span>
                  <span>{t("scoreOf", { score: c.score })}</span>
                  <time dateTime={c.answeredAt}>{format.dateTime(new Date(c.answeredAt), { dateStyle: "medium" })}</time>
                </p>
                <p className="whitespace-pre-wrap break-words">{c.comment}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A ticket's survey on its staff page: not sent, waiting, or its score and comment. */
export function TicketSurvey({ survey }: { survey: SurveyAnswerDto | null | undefined }) {
  const t = useTranslations("supportTickets.surveys");
  const format = useFormatter();
  if (!survey) return <p className="text-sm text-slate-500">{t("notSent")}</p>;
  const sent = format.dateTime(new Date(survey.sentAt), { dateStyle: "medium", timeStyle: "short" });
  if (survey.score === null) return <p className="text-sm" data-testid="ticket-survey">{t("waiting", { sent })}</p>;
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="ticket-survey">
      <p className="font-medium">{t("scoreOf", { score: survey.score })}</p>
      {survey.comment ? <p className="whitespace-pre-wrap break-words">{survey.comment}</p> : <p className="text-slate-500">{t("noComment")}</p>}
    </div>
  );
}
