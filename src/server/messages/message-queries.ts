import type { AssigneeOptionDto, ThreadDto, ThreadListItemDto } from "@/contracts/message-views";
import type { StaffThreadFilter } from "@/contracts/messages";
import type { AttachmentType } from "@/domain/messages/attachment-rules";
import { isUnreadFor, type MessageSide } from "@/domain/messages/message-rules";
import type { Db } from "@/server/db/types";
import { countCustomerUnread, countStaffUnread, findConversation, findCustomerThread, listCustomerThreads, listMessageStaff, listStaffThreads } from "@/server/messages/message-repository";

/** How many threads a list shows, most recent first (ADR 0020: a company has a handful). */
export const THREAD_LIST_LIMIT = 100;

export async function customerThreadList(db: Db, customerId: string): Promise<ThreadListItemDto[]> {
  const rows = await listCustomerThreads(db, customerId, THREAD_LIST_LIMIT);
  return rows.map((t) => ({ id: t.id, subject: t.subject, category: t.category, status: t.status, lastMessageAt: t.lastMessageAt.toISOString(), unread: isUnreadFor("CUSTOMER", t) }));
}

export async function staffThreadList(db: Db, filter: StaffThreadFilter, staffId: string): Promise<ThreadListItemDto[]> {
  const assignedTo = filter === "mine" ? staffId : filter === "unassigned" ? null : undefined;
  const rows = await listStaffThreads(db, assignedTo, THREAD_LIST_LIMIT);
  return rows.map((t) => ({
    id: t.id,
    subject: t.subject,
    category: t.category,
    status: t.status,
    lastMessageAt: t.lastMessageAt.toISOString(),
    unread: isUnreadFor("STAFF", t),
    customerName: t.customer.legalName,
    assigneeName: t.assignedTo?.name ?? null,
  }));
}

/** The conversation as `side` reads it; a customer gets only their own company's (else null). */
export async function conversation(db: Db, reader: { side: MessageSide; customerId?: string }, threadId: string): Promise<ThreadDto | null> {
  if (reader.side === "CUSTOMER" && !(reader.customerId && (await findCustomerThread(db, reader.customerId, threadId)))) return null;
  const t = await findConversation(db, threadId);
  if (!t) return null;
  return {
    id: t.id,
    subject: t.subject,
    category: t.category,
    status: t.status,
    customerId: t.customerId,
    customerName: t.customer.legalName,
    assigneeId: t.assignedToId,
    assigneeName: t.assignedTo?.name ?? null,
    messages: t.messages.map((m) => ({
      id: m.id,
      authorName: m.author.name,
      authorKind: m.authorKind,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      attachments: m.attachments.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType as AttachmentType, size: a.size })),
    })),
  };
}

export async function assigneeOptions(db: Db): Promise<AssigneeOptionDto[]> {
  return (await listMessageStaff(db)).map((s) => ({ id: s.id, name: s.name }));
}

/** The nav's count: conversations with something the reader's side has not read. */
export function unreadThreadCount(db: Db, reader: { side: "CUSTOMER"; customerId: string } | { side: "STAFF" }): Promise<number> {
  return reader.side === "CUSTOMER" ? countCustomerUnread(db, reader.customerId) : countStaffUnread(db);
}
