import type { SurveyPageDto } from "@/contracts/support-ticket-views";
import { DomainError } from "@/domain/shared/domain-error";
import { isSurveyScore } from "@/domain/support/ticket-rules";
import { hashSecretToken } from "@/server/auth/secret-tokens";
import type { Db, RootDb } from "@/server/db/types";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { findSurveyByHash, lockSurveyByHash, updateSurvey } from "@/server/support/tickets/survey-repository";

/**
 * The public survey link (no sign-in: the secret is the proof). A click on a score records it at
 * once, as the issue asks (one click); the page then offers a comment and another score. The last
 * answer counts. An unknown secret is TOKEN_INVALID.
 */
export async function answerSurvey(db: RootDb, token: string, answer: { score?: number; comment?: string }, now: Date): Promise<SurveyPageDto> {
  if (answer.score !== undefined && !isSurveyScore(answer.score)) throw new DomainError("VALIDATION_FAILED", { field: "score" });
  const tokenHash = hashSecretToken(token);
  return db.$transaction(async (tx) => {
    const locked = await lockSurveyByHash(tx, tokenHash);
    if (!locked) throw new DomainError("TOKEN_INVALID");
    await updateSurvey(tx, locked.ticketId, {
      ...(answer.score !== undefined ? { score: answer.score } : {}),
      ...(answer.comment !== undefined ? { comment: answer.comment } : {}),
      answeredAt: now,
    });
    const page = await readSurvey(tx, token);
    if (!page) throw new DomainError("TOKEN_INVALID");
    return page;
  });
}

/** What the survey page shows, without recording anything; null for an unknown secret. */
export async function readSurvey(db: Db, token: string): Promise<SurveyPageDto | null> {
  const s = await findSurveyByHash(db, hashSecretToken(token));
  return s ? { reference: ticketReference(s.ticket.number), subject: s.ticket.subject, score: s.score, comment: s.comment } : null;
}
