import type { MessageSide } from "@/domain/messages/message-rules";
import type { Db } from "@/server/db/types";
import { findCustomerThread, findThread, updateThread } from "@/server/messages/message-repository";

/**
 * The reader's side has now seen everything in the thread (opening it is reading it). A customer
 * marks only their own company's threads; anything else is left untouched and answers false.
 */
export async function markThreadRead(db: Db, reader: { side: MessageSide; customerId?: string }, threadId: string, now: Date): Promise<boolean> {
  const thread = reader.side === "CUSTOMER" ? (reader.customerId ? await findCustomerThread(db, reader.customerId, threadId) : null) : await findThread(db, threadId);
  if (!thread) return false;
  await updateThread(db, thread.id, reader.side === "CUSTOMER" ? { customerReadAt: now } : { staffReadAt: now });
  return true;
}
