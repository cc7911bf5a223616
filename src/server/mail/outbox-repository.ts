import type { TEmailAttachment } from "@/contracts/email-evidence";
import type { EmailStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export interface NewOutboundEmail {
  /** Chosen by the caller when the body must name it (tracked links); else the database picks one. */
  id?: string;
  dedupeKey: string;
  toAddress: string;
  locale: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  status: Extract<EmailStatus, "PENDING" | "CAPTURED">;
  createdAt: Date;
  invoiceId?: string | null;
  attachments?: TEmailAttachment[];
}

/**
 * The PostgreSQL channel on which a new PENDING e-mail's id is announced. NOTIFY inside a transaction
 * is delivered only when it commits (and dropped when it rolls back), so a listener hears of an
 * e-mail exactly when its outbox row becomes visible: the job worker turns that into a delivery job.
 */
export const OUTBOX_CHANNEL = "comptoir_outbox";

/** Idempotent by dedupe key: writing the same message twice keeps the first (and announces it once). */
export async function insertOutboundEmail(db: Db, email: NewOutboundEmail): Promise<void> {
  const { attachments, ...rest } = email;
  const [row] = await db.outboundEmail.createManyAndReturn({
    data: [{ ...rest, attachments: attachments ?? [] }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (row && email.status === "PENDING") await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${row.id})`;
}

export interface OutboxRow {
  id: string;
  to_address: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
  attachments: unknown;
}

/**
 * Claims one pending e-mail for the caller's transaction, or nothing when it is no longer pending or
 * another worker holds it (SKIP LOCKED: two workers never send the same message).
 */
export async function claimPendingEmail(db: Db, id: string): Promise<OutboxRow | null> {
  const rows = await db.$queryRaw<OutboxRow[]>`
    SELECT id, to_address, template, subject, html, text, attempts, attachments FROM outbound_emails
    WHERE id = ${id}::uuid AND status = 'PENDING' FOR UPDATE SKIP LOCKED`;
  return rows[0] ?? null;
}

/** The oldest pending e-mails (served by outbound_emails_status_created_at_idx), for the sweep. */
export async function listPendingEmailIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db.outboundEmail.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The SMTP server accepted it: `sent_at` is also when it was delivered to that server (ADR 0017). */
export async function markEmailSent(
  db: Db,
  id: string,
  at: Date,
  smtpResponse: string | null = null,
): Promise<void> {
  await db.outboundEmail.update({
    where: { id },
    data: { status: "SENT", sentAt: at, attempts: { increment: 1 }, smtpResponse },
  });
}

export async function markEmailAttemptFailed(
  db: Db,
  id: string,
  error: string,
  giveUp: boolean,
): Promise<void> {
  await db.outboundEmail.update({
    where: { id },
    data: {
      attempts: { increment: 1 },
      lastError: error.slice(0, 1000),
      status: giveUp ? "FAILED" : "PENDING",
    },
  });
}

export interface OutboxListItem {
  id: string;
  toAddress: string;
  subject: string;
  template: string;
  status: EmailStatus;
  createdAt: Date;
}

export async function listOutbox(db: Db, take: number): Promise<OutboxListItem[]> {
  return db.outboundEmail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], // served by outbound_emails_created_at_id_idx
    take,
    select: { id: true, toAddress: true, subject: true, template: true, status: true, createdAt: true },
  });
}

export async function findOutboundEmail(db: Db, id: string) {
  return db.outboundEmail.findUnique({ where: { id } });
}
