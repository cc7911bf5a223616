import type { TStartThreadInput } from "@/contracts/messages";
import { afterMessage } from "@/domain/messages/message-rules";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { checkedAttachments } from "@/server/messages/checked-attachments";
import { findCustomerThread, insertMessage, insertThread, updateThread } from "@/server/messages/message-repository";
import { notifySecureMessage } from "@/server/messages/notify-secure-message";

/** A customer user writes to the billing team: a new thread of their own company, its first message, the e-mails. */
export async function startThread(db: RootDb, actor: CustomerActor, input: TStartThreadInput, now: Date): Promise<{ threadId: string }> {
  const attachments = checkedAttachments(input.attachments);
  return db.$transaction(async (tx) => {
    const { id: threadId } = await insertThread(tx, { customerId: actor.customerId, subject: input.subject, category: input.category, createdById: actor.id, now });
    const { id: messageId } = await insertMessage(tx, { threadId, authorId: actor.id, authorKind: "CUSTOMER", body: input.body, now, attachments });
    await updateThread(tx, threadId, afterMessage("CUSTOMER", now));
    const thread = await findCustomerThread(tx, actor.customerId, threadId);
    if (thread) await notifySecureMessage(tx, thread, "CUSTOMER", messageId, now);
    return { threadId };
  });
}
