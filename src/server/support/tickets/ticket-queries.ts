import type {
  CustomerOptionDto,
  RequesterOptionDto,
  SurveySummaryDto,
  TicketDto,
  TicketListItemDto,
  TicketStaffOptionDto,
} from "@/contracts/support-ticket-views";
import type { TTicketQueueFilter } from "@/contracts/support-tickets";
import type { Urgency } from "@/domain/support/charging-rules";
import { isAboutToBreach, SURVEY_SCORES, slaState } from "@/domain/support/ticket-rules";
import type { Db } from "@/server/db/types";
import { getSupportSettings } from "@/server/support/get-support-settings";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { latestSurveyComments, surveyCounts } from "@/server/support/tickets/survey-repository";
import {
  findCustomerTicket,
  findTicketDetail,
  listCompanyUsers,
  listCustomerNames,
  listCustomerTickets,
  listQueueTickets,
  listTicketStaff,
} from "@/server/support/tickets/ticket-repository";

/** The desk's time zone: ticket times are shown in it, as its promises are made in it (8:30-17:00 there). */
export async function deskTimeZone(db: Db): Promise<string> {
  return (await getSupportSettings(db)).timeZone;
}

/** How many tickets a list shows (a company has a few dozen; the queue's open ones come first). */
export const TICKET_LIST_LIMIT = 200;

interface ListRow {
  id: string;
  number: number;
  subject: string;
  urgency: Urgency;
  status: "OPEN" | "CLOSED";
  receivedAt: Date;
  responseDueAt: Date;
  firstResponseAt: Date | null;
}

function listItem(t: ListRow, now: Date): TicketListItemDto {
  return {
    id: t.id,
    reference: ticketReference(t.number),
    subject: t.subject,
    urgency: t.urgency,
    status: t.status,
    receivedAt: t.receivedAt.toISOString(),
    responseDueAt: t.responseDueAt.toISOString(),
    firstResponseAt: t.firstResponseAt?.toISOString() ?? null,
    sla: slaState(t, now),
  };
}

export async function customerTicketList(db: Db, customerId: string, now: Date): Promise<TicketListItemDto[]> {
  return (await listCustomerTickets(db, customerId, TICKET_LIST_LIMIT)).map((t) => listItem(t, now));
}

/** The staff queue: the tickets about to breach first (soonest deadline first), then the rest in order. */
export async function ticketQueue(db: Db, filter: TTicketQueueFilter, now: Date): Promise<{ aboutToBreach: TicketListItemDto[]; rest: TicketListItemDto[] }> {
  const status = filter.status === "open" ? "OPEN" : filter.status === "closed" ? "CLOSED" : null;
  const rows = await listQueueTickets(db, { status, urgency: filter.urgency === "all" ? null : filter.urgency }, TICKET_LIST_LIMIT);
  const items = rows.map((t) => ({
    ...listItem(t, now),
    customerName: t.customer.legalName,
    assigneeName: t.assignedTo?.name ?? null,
    aboutToBreach: isAboutToBreach(t, now),
  }));
  return { aboutToBreach: items.filter((t) => t.aboutToBreach), rest: items.filter((t) => !t.aboutToBreach) };
}

/**
 * A ticket as `reader` sees it: a customer only their own company's (else null), without the survey;
 * staff any, with the survey's answer.
 */
export async function ticketDetail(db: Db, reader: { side: "CUSTOMER"; customerId: string } | { side: "STAFF" }, ticketId: string, now: Date): Promise<TicketDto | null> {
  if (reader.side === "CUSTOMER" && !(await findCustomerTicket(db, reader.customerId, ticketId))) return null;
  const t = await findTicketDetail(db, ticketId);
  if (!t) return null;
  return {
    ...listItem(t, now),
    source: t.source,
    customerId: t.customerId,
    customerName: t.customer.legalName,
    requesterName: t.requester?.name ?? null,
    requesterEmail: t.requesterEmail,
    assigneeId: t.assignedToId,
    assigneeName: t.assignedTo?.name ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    messages: t.messages.map((m) => ({ id: m.id, authorKind: m.authorKind, authorName: m.author?.name ?? m.fromAddress, body: m.body, createdAt: m.createdAt.toISOString() })),
    ...(reader.side === "STAFF"
      ? { survey: t.survey ? { sentAt: t.survey.sentAt.toISOString(), score: t.survey.score, comment: t.survey.comment, answeredAt: t.survey.answeredAt?.toISOString() ?? null } : null }
      : {}),
  };
}

export async function ticketStaffOptions(db: Db): Promise<TicketStaffOptionDto[]> {
  return (await listTicketStaff(db)).map((s) => ({ id: s.id, name: s.name }));
}

/** How many companies the phone-ticket form lists. */
export const CUSTOMER_OPTIONS_LIMIT = 1000;

export async function customerOptions(db: Db): Promise<CustomerOptionDto[]> {
  return (await listCustomerNames(db, CUSTOMER_OPTIONS_LIMIT)).map((c) => ({ id: c.id, name: c.legalName }));
}

export function requesterOptions(db: Db, customerId: string): Promise<RequesterOptionDto[]> {
  return listCompanyUsers(db, customerId);
}

/** The survey answers for staff: average to one decimal, the 1-5 distribution, the latest comments. */
export async function surveySummary(db: Db, commentLimit = 10): Promise<SurveySummaryDto> {
  const [{ sent, byScore }, comments] = await Promise.all([surveyCounts(db), latestSurveyComments(db, commentLimit)]);
  const distribution = SURVEY_SCORES.map((score) => ({ score, count: byScore.get(score) ?? 0 }));
  const answered = distribution.reduce((n, d) => n + d.count, 0);
  const total = distribution.reduce((n, d) => n + d.score * d.count, 0);
  return {
    sent,
    answered,
    average: answered === 0 ? null : Math.round((total / answered) * 10) / 10,
    distribution,
    latest: comments.map((c) => ({
      ticketId: c.ticketId,
      reference: ticketReference(c.ticket.number),
      customerName: c.ticket.customer.legalName,
      score: c.score ?? 0,
      comment: c.comment,
      answeredAt: (c.answeredAt ?? new Date(0)).toISOString(),
    })),
  };
}
