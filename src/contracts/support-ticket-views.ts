import type { Urgency } from "@/domain/support/charging-rules";
import type { SlaState, TicketStatus } from "@/domain/support/ticket-rules";

// What the support ticket pages receive (issue 18): plain data, dates as ISO strings.

export type TicketSourceName = "EMAIL" | "PORTAL" | "STAFF";

/** One line of a ticket list (portal or staff queue). */
export interface TicketListItemDto {
  id: string;
  reference: string;
  subject: string;
  urgency: Urgency;
  status: TicketStatus;
  receivedAt: string;
  responseDueAt: string;
  firstResponseAt: string | null;
  sla: SlaState;
  /** Staff lists only. */
  customerName?: string;
  assigneeName?: string | null;
  aboutToBreach?: boolean;
}

export interface TicketMessageDto {
  id: string;
  authorKind: "CUSTOMER" | "STAFF";
  /** The author's name, or the address the message came from (e-mail, a caller without an account). */
  authorName: string;
  body: string;
  createdAt: string;
}

export interface SurveyAnswerDto {
  sentAt: string;
  score: number | null;
  comment: string;
  answeredAt: string | null;
}

export interface TicketDto extends TicketListItemDto {
  source: TicketSourceName;
  customerId: string;
  customerName: string;
  requesterName: string | null;
  requesterEmail: string;
  assigneeId: string | null;
  assigneeName: string | null;
  closedAt: string | null;
  messages: TicketMessageDto[];
  /** Staff only: the satisfaction survey sent when it was closed. */
  survey?: SurveyAnswerDto | null;
}

export interface TicketStaffOptionDto {
  id: string;
  name: string;
}

export interface CustomerOptionDto {
  id: string;
  name: string;
}

export interface RequesterOptionDto {
  id: string;
  name: string;
  email: string;
}

/** Staff's view of the survey answers: average, how many of each score, the latest comments. */
export interface SurveySummaryDto {
  sent: number;
  answered: number;
  /** Average score to one decimal, null when nobody answered. */
  average: number | null;
  distribution: { score: number; count: number }[];
  latest: { ticketId: string; reference: string; customerName: string; score: number; comment: string; answeredAt: string }[];
}

/** What the public survey page shows of the ticket it asks about. */
export interface SurveyPageDto {
  reference: string;
  subject: string;
  score: number | null;
  comment: string;
}
