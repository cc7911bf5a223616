import type { CustomerChoiceDto } from "@/contracts/inbound-email";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import type { Urgency } from "@/domain/support/charging-rules";
import type { HeldReason } from "@/domain/support/inbound-email";
import { type InboundEmail, type InboundEmailOutcome, Prisma, type SupportTicket } from "@/generated/prisma/client";
import { likePattern } from "@/server/db/like-pattern";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";

export type InboundEmailRow = InboundEmail;

export interface NewInboundEmail {
  messageId: string;
  fromAddress: string;
  fromName: string;
  toAddress: string;
  subject: string;
  text: string;
  inReplyTo: string[];
  urgency: Urgency;
  receivedAt: Date;
}

/**
 * Claims a Message-ID for this transaction: the row, or null when the message was received before
 * (INSERT … ON CONFLICT DO NOTHING; a concurrent delivery of the same message waits on the unique
 * index until the first one commits, then finds it). Written as HELD; the caller records what it did.
 */
export async function claimInboundEmail(db: Db, m: NewInboundEmail): Promise<{ id: string } | null> {
  const [row] = await db.inboundEmail.createManyAndReturn({
    data: [{ ...m, outcome: "HELD" }],
    skipDuplicates: true,
    select: { id: true },
  });
  return row ?? null;
}

export interface InboundEmailDecision {
  outcome: InboundEmailOutcome;
  heldReason?: HeldReason | null;
  customerId?: string | null;
  ticketId?: string | null;
  decidedById?: string | null;
  decidedAt?: Date | null;
}

export async function recordInboundEmailOutcome(db: Db, id: string, d: InboundEmailDecision): Promise<void> {
  await db.inboundEmail.update({ where: { id }, data: d });
}

export interface SenderRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  customerId: string;
  supportContact: boolean;
  active: boolean;
}

/**
 * The customer user with this e-mail address, whatever its case (lower() = lower(), not ILIKE: an
 * underscore in an address must not match any character). `active` is false for a disabled or
 * removed account, whose e-mails are not trusted any more.
 */
export async function findCustomerUserByEmail(db: Db, email: string): Promise<SenderRow | null> {
  const rows = await db.$queryRaw<SenderRow[]>`
    SELECT id, email, name, locale, customer_id AS "customerId", support_contact AS "supportContact",
           (disabled_at IS NULL AND removed_at IS NULL) AS active
    FROM users
    WHERE kind = 'CUSTOMER' AND customer_id IS NOT NULL AND lower(email) = lower(${email})
    ORDER BY (disabled_at IS NULL AND removed_at IS NULL) DESC, created_at
    LIMIT 1`;
  return rows[0] ?? null;
}

/** The ticket numbered `number` if it belongs to this company (a reply never crosses companies). */
export function findCompanyTicketByNumber(db: Db, customerId: string, number: number): Promise<SupportTicket | null> {
  return db.supportTicket.findFirst({ where: { number, customerId } });
}

/** The ticket of this company that an earlier inbound e-mail with one of these Message-IDs belongs to. */
export async function findCompanyTicketByMessageIds(db: Db, customerId: string, messageIds: string[]): Promise<SupportTicket | null> {
  if (messageIds.length === 0) return null;
  const earlier = await db.inboundEmail.findFirst({
    where: { messageId: { in: messageIds }, ticket: { customerId } },
    orderBy: { receivedAt: "desc" },
    select: { ticket: true },
  });
  return earlier?.ticket ?? null;
}

/** A customer's reply reopens a closed ticket: the conversation goes on, under the same reference. */
export async function reopenTicket(db: Db, ticketId: string): Promise<void> {
  await db.supportTicket.updateMany({ where: { id: ticketId, status: "CLOSED" }, data: { status: "OPEN", closedAt: null } });
}

/** The enabled staff member a ticket is assigned to, if any. */
export function findEnabledStaff(db: Db, id: string): Promise<{ id: string; email: string; locale: string } | null> {
  return db.user.findFirst({ where: { id, kind: "STAFF", disabledAt: null }, select: { id: true, email: true, locale: true } });
}

/** Locks one inbound e-mail for a staff decision (two clicks decide once), then reads it. */
export async function lockInboundEmail(db: Db, id: string): Promise<InboundEmailRow | null> {
  const locked = await db.$queryRaw<{ id: string }[]>`SELECT id FROM inbound_emails WHERE id = ${id}::uuid FOR UPDATE`;
  return locked.length ? db.inboundEmail.findUnique({ where: { id } }) : null;
}

export function findInboundEmail(db: Db, id: string) {
  return db.inboundEmail.findUnique({ where: { id }, include: { ticket: { select: { number: true } } } });
}

export function findDecider(db: Db, id: string): Promise<{ name: string } | null> {
  return db.user.findUnique({ where: { id }, select: { name: true } });
}

export function findCustomerName(db: Db, id: string): Promise<{ id: string; legalName: string; locale: string } | null> {
  return db.customer.findUnique({ where: { id }, select: { id: true, legalName: true, locale: true } });
}

export interface HeldEmailListRow {
  id: string;
  from_address: string;
  from_name: string;
  to_address: string;
  subject: string;
  urgency: Urgency;
  held_reason: string | null;
  received_at: Date;
}

/** Held messages, oldest first (the one waiting longest is handled first): (received_at, id). */
const heldList = (): KeysetList => ({
  table: "inbound_emails",
  idType: "uuid",
  key: ["t.received_at", "t.id"],
  order: "ASC",
  select: Prisma.sql`t.id, t.from_address, t.from_name, t.to_address, t.subject, t.urgency, t.held_reason, t.received_at`,
  scope: [Prisma.sql`t.outcome = 'HELD'`],
  filters: [],
});

export function listHeldEmails(db: Db, req: PageRequest): Promise<CursorPage<HeldEmailListRow>> {
  return readKeysetPage<HeldEmailListRow>(db, heldList(), req);
}

/**
 * Companies staff may open a ticket for: the sender's own, those with users at the sender's
 * domain (not for public mail domains, where it would suggest strangers), and name matches.
 */
export async function customerChoices(db: Db, opts: { senderCustomerId: string | null; senderDomain: string | null; search: string }): Promise<CustomerChoiceDto[]> {
  const out = new Map<string, CustomerChoiceDto>();
  if (opts.senderCustomerId) {
    const c = await db.customer.findUnique({ where: { id: opts.senderCustomerId }, select: { id: true, legalName: true } });
    if (c) out.set(c.id, { ...c, why: "SENDER" });
  }
  if (opts.senderDomain) {
    const rows = await db.$queryRaw<{ id: string; legalName: string }[]>`
      SELECT c.id, c.legal_name AS "legalName" FROM customers c
      WHERE EXISTS (SELECT 1 FROM users u WHERE u.customer_id = c.id AND lower(split_part(u.email, '@', 2)) = ${opts.senderDomain.toLowerCase()})
      ORDER BY c.legal_name, c.id LIMIT 5`;
    for (const c of rows) if (!out.has(c.id)) out.set(c.id, { ...c, why: "DOMAIN" });
  }
  if (opts.search) {
    const rows = await db.$queryRaw<{ id: string; legalName: string }[]>`
      SELECT id, legal_name AS "legalName" FROM customers
      WHERE legal_name ILIKE ${likePattern(opts.search)} ORDER BY legal_name, id LIMIT 20`;
    for (const c of rows) if (!out.has(c.id)) out.set(c.id, { ...c, why: "SEARCH" });
  }
  return [...out.values()];
}
