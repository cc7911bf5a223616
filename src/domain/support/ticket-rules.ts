// Support tickets (issue 18): what a ticket and its messages may hold, how its status may change, and
// where it stands against its response deadline. Pure: `now` is passed in.
export const TICKET_STATUSES = ["OPEN", "CLOSED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_SUBJECT_MAX_LENGTH = 200;
export const TICKET_BODY_MAX_LENGTH = 20_000;
export const SURVEY_COMMENT_MAX_LENGTH = 2_000;
export const SURVEY_SCORES = [1, 2, 3, 4, 5] as const;
export type SurveyScore = (typeof SURVEY_SCORES)[number];

/** A ticket with no response yet whose deadline is this close (or past) heads the staff queue. */
export const ABOUT_TO_BREACH_MINUTES = 60;

/** Allowed status changes: close an open ticket, reopen a closed one (a reply also reopens it). */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = { OPEN: ["CLOSED"], CLOSED: ["OPEN"] };
export function mayChangeTicketStatus(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface SlaFacts {
  responseDueAt: Date;
  firstResponseAt: Date | null;
}

/**
 * Where a ticket stands against its first-response deadline: answered in time or late, or still
 * waiting with the whole minutes left (negative once breached).
 */
export type SlaState =
  | { kind: "RESPONDED_ON_TIME" }
  | { kind: "RESPONDED_LATE"; lateMinutes: number }
  | { kind: "BREACHED"; overdueMinutes: number }
  | { kind: "DUE"; minutesLeft: number };

export function slaState(t: SlaFacts, now: Date): SlaState {
  const due = t.responseDueAt.getTime();
  if (t.firstResponseAt) {
    const late = t.firstResponseAt.getTime() - due;
    return late <= 0 ? { kind: "RESPONDED_ON_TIME" } : { kind: "RESPONDED_LATE", lateMinutes: Math.ceil(late / 60_000) };
  }
  const left = due - now.getTime();
  // A deadline exactly now is breached: the promise was "before".
  if (left <= 0) return { kind: "BREACHED", overdueMinutes: Math.max(0, Math.floor(-left / 60_000)) };
  return { kind: "DUE", minutesLeft: Math.ceil(left / 60_000) };
}

/** No response yet and due within the hour, or already overdue: what staff must look at first. */
export function isAboutToBreach(t: SlaFacts & { status: TicketStatus }, now: Date): boolean {
  if (t.status !== "OPEN" || t.firstResponseAt) return false;
  return t.responseDueAt.getTime() - now.getTime() <= ABOUT_TO_BREACH_MINUTES * 60_000;
}

/** The first staff response is the one the SLA judges; later ones never move it. */
export function firstResponseAfterStaffReply(current: Date | null, now: Date): Date {
  return current ?? now;
}

export function isSurveyScore(n: number): n is SurveyScore {
  return (SURVEY_SCORES as readonly number[]).includes(n);
}
