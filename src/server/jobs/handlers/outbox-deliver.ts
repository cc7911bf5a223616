import type PgBoss from "pg-boss";
import type { RootDb } from "@/server/db/types";
import { deliverOutboxEmail } from "@/server/mail/deliver-outbox";
import type { MailTransport } from "@/server/mail/transport";

export interface DeliverEmailData {
  emailId: string;
}

/** Raised for an attempt that failed and was recorded: pg-boss retries the job after its backoff. */
export class EmailRetryError extends Error {}

/**
 * The `outbox-deliver` job: one attempt at sending one e-mail. A failure short of the last attempt
 * throws, so the queue tries again later with exponential backoff; the last failure leaves the row
 * FAILED and completes the job. Nothing to do (already sent, no SMTP server) completes it too.
 */
export function deliverEmailHandler(deps: { db: RootDb; transport: () => MailTransport | null }) {
  return async ([job]: PgBoss.Job<DeliverEmailData>[]) => {
    if (!job) return;
    const outcome = await deliverOutboxEmail(deps.db, job.data.emailId, () => new Date(), deps.transport());
    if (outcome === "retry")
      throw new EmailRetryError(`e-mail ${job.data.emailId} not delivered yet, will retry`);
    return { outcome };
  };
}
