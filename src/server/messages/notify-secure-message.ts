import { isLocale } from "@/domain/i18n/locales";
import type { MessageSide } from "@/domain/messages/message-rules";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { listCustomerRecipients, listMessageStaff, type ThreadRow } from "@/server/messages/message-repository";

/**
 * Tells the other side that a message is waiting, through the outbox in the caller's transaction.
 * The e-mail holds a link to the thread and nothing of the message, not even its subject: e-mail is
 * not a secure channel, and the reader signs in to read (ADR 0020).
 *
 * A customer message goes to the thread's assignee, or to all billing staff when nobody holds it; a
 * staff reply goes to every enabled user of the thread's company.
 */
export async function notifySecureMessage(db: Db, thread: ThreadRow, from: MessageSide, messageId: string, now: Date): Promise<void> {
  const recipients =
    from === "CUSTOMER"
      ? await staffRecipients(db, thread.assignedToId)
      : await listCustomerRecipients(db, thread.customerId);
  const path = from === "CUSTOMER" ? `/staff/messages/${thread.id}` : `/portal/messages/${thread.id}`;
  for (const r of recipients) {
    await enqueueEmail(db, r.email, isLocale(r.locale) ? r.locale : "en", { template: "secureMessage", params: { link: `${appUrl()}${path}` } }, `secure-message:${messageId}:${r.id}`, now);
  }
}

async function staffRecipients(db: Db, assigneeId: string | null) {
  const staff = await listMessageStaff(db);
  const assignee = staff.find((s) => s.id === assigneeId);
  return assignee ? [assignee] : staff;
}
