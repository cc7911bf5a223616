import type { EmailStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export interface NewOutboundEmail {
  dedupeKey: string;
  toAddress: string;
  locale: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  status: Extract<EmailStatus, "PENDING" | "CAPTURED">;
  createdAt: Date;
}

/** Idempotent by dedupe key: writing the same message twice keeps the first. */
export async function insertOutboundEmail(db: Db, email: NewOutboundEmail): Promise<void> {
  await db.outboundEmail.createMany({ data: [email], skipDuplicates: true });
}

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
}

/** Claims pending rows for this worker; concurrent workers skip each other's rows. */
export async function claimPendingEmails(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.$queryRaw<OutboxRow[]>`
    SELECT id, to_address, subject, html, text, attempts FROM outbound_emails
    WHERE status = 'PENDING' ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}

export async function markEmailSent(db: Db, id: string, at: Date): Promise<void> {
  await db.outboundEmail.update({ where: { id }, data: { status: "SENT", sentAt: at, attempts: { increment: 1 } } });
}

export async function markEmailAttemptFailed(db: Db, id: string, error: string, giveUp: boolean): Promise<void> {
  await db.outboundEmail.update({
    where: { id },
    data: { attempts: { increment: 1 }, lastError: error.slice(0, 1000), status: giveUp ? "FAILED" : "PENDING" },
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
