import type { EmailEvidenceDto } from "@/contracts/email-evidence";
import { attachmentsOf } from "@/contracts/email-evidence";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/**
 * Records an open or a click once per (e-mail, kind, link): the first time stays in `at`, a repeat
 * only counts (`count`, `last_at`). The UNIQUE key, not a read-then-write, makes it once. An e-mail
 * that does not exist (deleted, or a token of another database) records nothing: false.
 */
export async function recordEmailEvent(
  db: Db,
  e: { emailId: string; kind: "OPENED" | "CLICKED"; link: string; at: Date },
): Promise<boolean> {
  const rows = await db.$queryRaw<{ first: boolean }[]>`
    INSERT INTO email_events (email_id, kind, link, at, last_at, count)
    SELECT m.id, ${e.kind}::email_event_kind, ${e.link}, ${e.at}, ${e.at}, 1 FROM outbound_emails m WHERE m.id = ${e.emailId}::uuid
    ON CONFLICT (email_id, kind, link) DO UPDATE SET count = email_events.count + 1, last_at = GREATEST(email_events.last_at, EXCLUDED.last_at)
    RETURNING (xmax = 0) AS first`;
  return rows.length === 1;
}

interface EvidenceRow {
  id: string;
  template: string;
  subject: string;
  to_address: string;
  status: EmailEvidenceDto["status"];
  created_at: Date;
  sent_at: Date | null;
  smtp_response: string | null;
  attachments: unknown;
  first_opened_at: Date | null;
  opens: number;
  first_clicked_at: Date | null;
  clicks: number;
}

const toDto = (r: EvidenceRow): EmailEvidenceDto => ({
  id: r.id,
  template: r.template,
  subject: r.subject,
  toAddress: r.to_address,
  status: r.status,
  createdAt: r.created_at,
  deliveredAt: r.status === "SENT" ? r.sent_at : null,
  smtpResponse: r.smtp_response,
  firstOpenedAt: r.first_opened_at,
  opens: Number(r.opens),
  firstClickedAt: r.first_clicked_at,
  clicks: Number(r.clicks),
  attachments: attachmentsOf(r.attachments),
});

/**
 * E-mails with their evidence: one statement, the events aggregated per e-mail by a LATERAL subquery
 * over the (email_id, kind, link) index, so a page of 100 e-mails costs one round trip. `selection`
 * is a fixed fragment per caller (no optional filters), so each gets a plan that uses its index.
 */
async function evidence(db: Db, selection: Prisma.Sql): Promise<EmailEvidenceDto[]> {
  const rows = await db.$queryRaw<EvidenceRow[]>`
    SELECT m.id::text AS id, m.template, m.subject, m.to_address, m.status::text AS status, m.created_at, m.sent_at, m.smtp_response, m.attachments,
           ev.first_opened_at, ev.opens, ev.first_clicked_at, ev.clicks
    FROM (${selection}) m
    CROSS JOIN LATERAL (
      SELECT min(e.at) FILTER (WHERE e.kind = 'OPENED') AS first_opened_at,
             coalesce(sum(e.count) FILTER (WHERE e.kind = 'OPENED'), 0)::int AS opens,
             min(e.at) FILTER (WHERE e.kind = 'CLICKED') AS first_clicked_at,
             coalesce(sum(e.count) FILTER (WHERE e.kind = 'CLICKED'), 0)::int AS clicks
      FROM email_events e WHERE e.email_id = m.id
    ) ev
    ORDER BY m.created_at DESC, m.id DESC`;
  return rows.map(toDto);
}

/** The newest e-mails of the outbox (served by outbound_emails_created_at_id_idx), with their evidence. */
export const listOutboxEvidence = (db: Db, take: number) =>
  evidence(db, Prisma.sql`SELECT * FROM outbound_emails ORDER BY created_at DESC, id DESC LIMIT ${take}`);
/** Every e-mail about one invoice (outbound_emails_invoice_id_idx). */
export const invoiceEmailEvidence = (db: Db, invoiceId: string) =>
  evidence(db, Prisma.sql`SELECT * FROM outbound_emails WHERE invoice_id = ${invoiceId}::uuid`);
export async function emailEvidence(db: Db, id: string): Promise<EmailEvidenceDto | null> {
  return (await evidence(db, Prisma.sql`SELECT * FROM outbound_emails WHERE id = ${id}::uuid`))[0] ?? null;
}
