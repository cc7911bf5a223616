import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { claimPendingEmails, markEmailAttemptFailed, markEmailSent } from "@/server/mail/outbox-repository";
import { type MailTransport, smtpTransport } from "@/server/mail/transport";

const MAX_ATTEMPTS = 5;

/**
 * Sends pending outbox e-mails. Rows are claimed with SKIP LOCKED inside a transaction, so two
 * workers never send the same message; a failure leaves the row pending for the next run until
 * MAX_ATTEMPTS, then marks it failed for an admin to see.
 */
export async function deliverPendingEmails(
  db: RootDb,
  now: () => Date = () => new Date(),
  transport: MailTransport | null = smtpTransport(),
  batchSize = 20,
): Promise<{ sent: number; failed: number }> {
  if (!transport) return { sent: 0, failed: 0 };
  return db.$transaction(
    async (tx) => {
      let sent = 0;
      let failed = 0;
      for (const row of await claimPendingEmails(tx, batchSize)) {
        try {
          await transport.send({ to: row.to_address, subject: row.subject, html: row.html, text: row.text });
          await markEmailSent(tx, row.id, now());
          sent++;
        } catch (e) {
          failed++;
          logger.warn({ emailId: row.id, err: (e as Error).message }, "e-mail delivery failed");
          await markEmailAttemptFailed(tx, row.id, (e as Error).message, row.attempts + 1 >= MAX_ATTEMPTS);
        }
      }
      return { sent, failed };
    },
    { timeout: 60_000 },
  );
}

/** Fire-and-forget delivery right after a commit, so people get their e-mail without waiting for a job. */
export function deliverOutboxSoon(db: RootDb): void {
  deliverPendingEmails(db).catch((e) => logger.error({ err: (e as Error).message }, "outbox delivery crashed"));
}
