import type { SupportTicket, TicketAuthorKind, TicketSource, TicketStatus } from "@/generated/prisma/client";
import type { Urgency } from "@/domain/support/charging-rules";
import type { Db } from "@/server/db/types";

export type TicketRow = SupportTicket;

export interface NewTicket {
  customerId: string;
  subject: string;
  urgency: Urgency;
  source: TicketSource;
  requesterId: string | null;
  requesterEmail: string;
  receivedAt: Date;
  responseDueAt: Date;
}

export function insertTicket(db: Db, t: NewTicket): Promise<TicketRow> {
  return db.supportTicket.create({ data: t });
}

export interface NewTicketMessage {
  ticketId: string;
  authorKind: TicketAuthorKind;
  authorId: string | null;
  fromAddress: string;
  body: string;
  createdAt: Date;
}

export function insertTicketMessage(db: Db, m: NewTicketMessage): Promise<{ id: string }> {
  return db.ticketMessage.create({ data: m, select: { id: true } });
}

/** A ticket of this company only (null for another company's or an unknown id). */
export function findCustomerTicket(db: Db, customerId: string, ticketId: string): Promise<TicketRow | null> {
  return db.supportTicket.findFirst({ where: { id: ticketId, customerId } });
}

/** Any ticket, for staff. */
export function findTicket(db: Db, ticketId: string): Promise<TicketRow | null> {
  return db.supportTicket.findUnique({ where: { id: ticketId } });
}

/** Enabled support staff, those holding the fewest open tickets first (who gets told of a new one). */
export async function listSupportStaffByLoad(
  db: Db,
): Promise<{ id: string; email: string; name: string; locale: string }[]> {
  const staff = await db.user.findMany({
    where: { kind: "STAFF", disabledAt: null, staffRoles: { has: "SUPPORT" } },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      _count: { select: { ticketsAssigned: { where: { status: "OPEN" } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return staff
    .sort((a, b) => a._count.ticketsAssigned - b._count.ticketsAssigned)
    .map(({ _count, ...s }) => s);
}

/** Locks a ticket's row for the rest of the transaction, so two changes apply one after the other; false when there is none. */
export async function lockTicket(db: Db, ticketId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM support_tickets WHERE id = ${ticketId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export async function updateTicket(
  db: Db,
  ticketId: string,
  data: { status?: TicketStatus; closedAt?: Date | null; firstResponseAt?: Date; assignedToId?: string | null },
): Promise<void> {
  await db.supportTicket.update({ where: { id: ticketId }, data });
}

const listSelect = {
  id: true,
  number: true,
  subject: true,
  urgency: true,
  status: true,
  receivedAt: true,
  responseDueAt: true,
  firstResponseAt: true,
} as const;

/** One company's tickets, newest first (a company has a few dozen; ADR 0020's limit for threads holds). */
export function listCustomerTickets(db: Db, customerId: string, limit: number) {
  return db.supportTicket.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: listSelect,
  });
}

/**
 * The staff queue: open tickets by response deadline (the index on status, response_due_at; the enum
 * sorts OPEN before CLOSED), closed ones alone most recently closed first.
 */
export function listQueueTickets(db: Db, f: { status: TicketStatus | null; urgency: Urgency | null }, limit: number) {
  return db.supportTicket.findMany({
    where: { ...(f.status ? { status: f.status } : {}), ...(f.urgency ? { urgency: f.urgency } : {}) },
    orderBy: f.status === "CLOSED" ? [{ closedAt: "desc" }, { id: "desc" }] : [{ status: "asc" }, { responseDueAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { ...listSelect, customer: { select: { legalName: true } }, assignedTo: { select: { name: true } } },
  });
}

/** A ticket with its conversation, customer, requester, assignee and survey. */
export function findTicketDetail(db: Db, ticketId: string) {
  return db.supportTicket.findUnique({
    where: { id: ticketId },
    select: {
      ...listSelect,
      source: true,
      customerId: true,
      requesterId: true,
      requesterEmail: true,
      assignedToId: true,
      closedAt: true,
      customer: { select: { legalName: true } },
      requester: { select: { name: true } },
      assignedTo: { select: { name: true } },
      survey: { select: { sentAt: true, score: true, comment: true, answeredAt: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, authorKind: true, fromAddress: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
}

/** Staff who handle tickets: support staff and admins, still enabled (assignees, and told of customer replies). */
export function listTicketStaff(db: Db) {
  return db.user.findMany({
    where: { kind: "STAFF", disabledAt: null, staffRoles: { hasSome: ["SUPPORT", "ADMIN"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, locale: true, staffRoles: true },
  });
}

/** A user who may be named as the requester of a ticket of `customerId`: one of its enabled users. */
export function findCompanyUser(db: Db, customerId: string, userId: string) {
  return db.user.findFirst({ where: { id: userId, kind: "CUSTOMER", customerId, disabledAt: null }, select: { id: true, email: true, locale: true } });
}

export function listCompanyUsers(db: Db, customerId: string) {
  return db.user.findMany({
    where: { kind: "CUSTOMER", customerId, disabledAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

/** Companies staff can open a ticket for, by name (a bounded select; a search comes when lists grow). */
export function listCustomerNames(db: Db, limit: number) {
  return db.customer.findMany({ orderBy: [{ legalName: "asc" }, { id: "asc" }], take: limit, select: { id: true, legalName: true } });
}

export function findCustomerName(db: Db, customerId: string) {
  return db.customer.findUnique({ where: { id: customerId }, select: { id: true, legalName: true, locale: true } });
}

/** The language of whoever asked: their account's, else their company's. */
export async function requesterLocale(db: Db, ticket: Pick<TicketRow, "requesterId" | "customerId">): Promise<string> {
  if (ticket.requesterId) {
    const user = await db.user.findUnique({ where: { id: ticket.requesterId }, select: { locale: true } });
    if (user) return user.locale;
  }
  return (await db.customer.findUnique({ where: { id: ticket.customerId }, select: { locale: true } }))?.locale ?? "en";
}

/** Whether `id` is a staff user's (an API token acts under its own id, which no message may name as author). */
export async function isStaffUser(db: Db, id: string): Promise<boolean> {
  return (await db.user.count({ where: { id, kind: "STAFF" } })) > 0;
}
