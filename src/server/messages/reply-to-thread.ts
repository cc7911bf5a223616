import type { ReceivedFile } from "@/contracts/messages";
import { afterMessage } from "@/domain/messages/message-rules";
import { DomainError } from "@/domain/shared/domain-error";
import type { RequestContext } from "@/server/audit/audit-repository";
import { recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor, StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { checkedAttachments } from "@/server/messages/checked-attachments";
import { findCustomerThread, findThread, insertMessage, lockThread, updateThread } from "@/server/messages/message-repository";
import { notifySecureMessage } from "@/server/messages/notify-secure-message";

export interface ReplyInput {
  threadId: string;
  body: string;
  attachments: ReceivedFile[];
}

/** Who replies: a customer user (only to their own company's threads) or billing staff. */
export type Replier = { side: "CUSTOMER"; actor: CustomerActor } | { side: "STAFF"; actor: StaffActor; ctx: RequestContext };

/**
 * A reply from either side: the message, the thread's read state (the writer's side has read it
 * all; a closed thread opens again), the e-mail to the other side, and for staff an audit event.
 * Another company's thread answers NOT_FOUND, as a thread that does not exist.
 */
export async function replyToThread(db: RootDb, who: Replier, input: ReplyInput, now: Date): Promise<{ messageId: string }> {
  const attachments = checkedAttachments(input.attachments);
  return db.$transaction(async (tx) => {
    const thread = who.side === "CUSTOMER" ? await findCustomerThread(tx, who.actor.customerId, input.threadId) : await findThread(tx, input.threadId);
    if (!thread) throw new DomainError("NOT_FOUND", { entity: "message_thread" });
    await lockThread(tx, thread.id);
    const { id: messageId } = await insertMessage(tx, { threadId: thread.id, authorId: who.actor.id, authorKind: who.side, body: input.body, now, attachments });
    await updateThread(tx, thread.id, afterMessage(who.side, now));
    await notifySecureMessage(tx, thread, who.side, messageId, now);
    if (who.side === "STAFF") {
      await recordAudit(tx, {
        action: "message_thread.replied",
        actorUserId: who.actor.id,
        actorEmail: who.actor.email,
        targetType: "message_thread",
        targetId: thread.id,
        customerId: thread.customerId,
        ip: who.ctx.ip,
        userAgent: who.ctx.userAgent,
        // What was done, never what was written: the audit log is read more widely than the thread.
        details: { messageId, attachments: attachments.length },
        at: now,
      });
    }
    return { messageId };
  });
}
