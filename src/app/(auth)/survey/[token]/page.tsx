import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { surveyCommentAction } from "@/app/(auth)/survey/[token]/actions";
import { AccessDeadEnd } from "@/components/access/AccessDeadEnd";
import { SurveyCommentForm } from "@/components/support/SurveyForms";
import { Alert } from "@/components/ui";
import { ZSurveyScoreParam, ZSurveyToken } from "@/contracts/support-tickets";
import type { SurveyPageDto } from "@/contracts/support-ticket-views";
import { isDomainError } from "@/domain/shared/domain-error";
import { SURVEY_SCORES } from "@/domain/support/ticket-rules";
import { getDb } from "@/server/db/client";
import { answerSurvey, readSurvey } from "@/server/support/tickets/answer-survey";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets.survey");
  return { title: t("title") };
}

/**
 * The satisfaction survey of a closed ticket, opened from its e-mail without signing in. The score
 * in the link is recorded at once (one click, as the issue asks); the page thanks the customer,
 * offers a comment and lets them pick another score. An unknown link is a dead end that says so.
 */
export default async function SurveyPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ score?: string }> }) {
  const t = await getTranslations("supportTickets.survey");
  const token = ZSurveyToken.safeParse((await params).token);
  const deadEnd = <AccessDeadEnd title={t("unknownTitle")} body={t("unknownBody")} testId="survey-unknown" />;
  if (!token.success) return deadEnd;
  const score = ZSurveyScoreParam.safeParse((await searchParams).score);
  let survey: SurveyPageDto | null;
  try {
    survey = score.success ? await answerSurvey(getDb(), token.data, { score: score.data }, new Date()) : await readSurvey(getDb(), token.data);
  } catch (e) {
    if (isDomainError(e) && e.code === "TOKEN_INVALID") return deadEnd;
    throw e;
  }
  if (!survey) return deadEnd;
  return (
    <div className="flex flex-col gap-4">
      <h1>{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("about", { reference: survey.reference, subject: survey.subject })}</p>
      {survey.score !== null ? (
        <Alert tone="success" testId="survey-recorded">
          {t("thanks", { score: survey.score })}
        </Alert>
      ) : (
        <p className="text-sm">{t("question")}</p>
      )}
      <nav aria-label={survey.score === null ? t("question") : t("changeScore")} className="flex flex-col gap-2">
        {survey.score !== null ? <p className="text-sm">{t("changeScore")}</p> : null}
        <ul className="flex flex-wrap gap-2">
          {SURVEY_SCORES.map((s) => (
            <li key={s}>
              {/* Never prefetched: opening a score link records it. */}
              <Link
                href={`/survey/${token.data}?score=${s}`}
                prefetch={false}
                aria-current={survey.score === s ? "true" : undefined}
                className={`inline-flex min-w-20 justify-center rounded-md border px-3 py-2 text-sm no-underline ${survey.score === s ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 text-slate-700"}`}
              >
                {t("scoreLabel", { score: s })}
              </Link>
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">{t("scale")}</p>
      </nav>
      {survey.score !== null ? <SurveyCommentForm action={surveyCommentAction} token={token.data} comment={survey.comment} /> : null}
    </div>
  );
}
