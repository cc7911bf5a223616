"use server";

import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZSurveyCommentInput } from "@/contracts/support-tickets";
import { getDb } from "@/server/db/client";
import { answerSurvey } from "@/server/support/tickets/answer-survey";

/** The survey's optional comment; the link's secret is the proof (no session). */
export async function surveyCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const { token, comment } = ZSurveyCommentInput.parse(formFields(form));
    await answerSurvey(getDb(), token, { comment }, new Date());
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}
