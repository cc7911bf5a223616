import type { SupportTicket, TicketAuthorKind, TicketSource } from "@/generated/prisma/client";
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
