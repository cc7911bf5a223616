import type { RootDb } from "@/server/db/types";
import { logger } from "@/server/logger";
import { listPendingEmailIds } from "@/server/mail/outbox-repository";
import type { MailTransport } from "@/server/mail/transport";

/** Pending e-mails looked at per sweep (oldest first); the next sweep takes the rest. */
const SWEEP_BATCH = 500;

/**
 * The `outbox-sweep` job, every minute: makes sure every pending e-mail has a delivery job. New
 * e-mails are announced at commit and get their job at once; this catches the ones nobody heard
 * (no worker was listening, a crash between the commit and the job, a job that ended without
 * the row being final). `ensureDelivery` is deduplicated per e-mail, so it never doubles a job.
 */
export function sweepOutboxHandler(deps: {
  db: RootDb;
  transport: () => MailTransport | null;
  ensureDelivery: (emailId: string) => Promise<"queued" | "requeued" | "already-queued">;
}) {
  return async () => {
    if (!deps.transport()) return { queued: 0 };
    let queued = 0;
    for (const id of await listPendingEmailIds(deps.db, SWEEP_BATCH)) {
      if ((await deps.ensureDelivery(id)) !== "already-queued") queued++;
    }
    if (queued > 0) logger.info({ queued }, "outbox sweep queued pending e-mails");
    return { queued };
  };
}
