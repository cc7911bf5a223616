import type { CheckedAttachment } from "@/domain/messages/attachment-rules";
import type { MessageCategory, MessageSide, ThreadReadState, ThreadStatus } from "@/domain/messages/message-rules";
import type { Db } from "@/server/db/types";

/**
 * Secure messages (ADR 0020). Every portal read takes the caller's company id and filters by it,
 * so another company's thread or attachment is simply not found. Attachment bytes are read only by
 * the download functions, never with a thread.
 */
const readState = { lastCustomerMessageAt: true, lastStaffMessageAt: true, customerReadAt: true, staffReadAt: true } as const;

export interface ThreadRow extends ThreadReadState {
  id: string;
  customerId: string;
  subject: string;
  category: MessageCategory;
  status: ThreadStatus;
  assignedToId: string | null;
}

const threadSelect = { id: true, customerId: true, subject: true, category: true, status: true, assignedToId: true, ...readState } as const;

/** The thread if it belongs to `customerId`; null for any other company's, exactly as for none. */
export function findCustomerThread(db: Db, customerId: string, threadId: string): Promise<ThreadRow | null> {
  return db.messageThread.findFirst({ where: { id: threadId, customerId }, select: threadSelect });
}

/** Staff see every company's threads. */
export function findThread(db: Db, threadId: string): Promise<ThreadRow | null> {
  return db.messageThread.findUnique({ where: { id: threadId }, select: threadSelect });
}

/** Locks the thread row so two messages at once update its read state one after the other. */
/** Locks a thread's row for the rest of the transaction; false when there is no such thread. */
export async function lockThread(db: Db, threadId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM message_threads WHERE id = ${threadId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export async function insertThread(
  db: Db,
  data: { customerId: string; subject: string; category: MessageCategory; createdById: string; now: Date },
): Promise<{ id: string }> {
  return db.messageThread.create({
    data: { customerId: data.customerId, subject: data.subject, category: data.category, createdById: data.createdById, lastMessageAt: data.now, createdAt: data.now },
    select: { id: true },
  });
}

export async function insertMessage(
  db: Db,
  data: { threadId: string; authorId: string; authorKind: MessageSide; body: string; now: Date; attachments: CheckedAttachment[] },
): Promise<{ id: string }> {
  return db.message.create({
    data: {
      threadId: data.threadId,
      authorId: data.authorId,
      authorKind: data.authorKind,
      body: data.body,
      createdAt: data.now,
      attachments: {
        create: data.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, size: a.size, bytes: new Uint8Array(a.bytes), createdAt: data.now })),
      },
    },
    select: { id: true },
  });
}

export async function updateThread(
  db: Db,
  threadId: string,
  data: Partial<ThreadReadState> & { lastMessageAt?: Date; status?: ThreadStatus; assignedToId?: string | null },
): Promise<void> {
  await db.messageThread.update({ where: { id: threadId }, data });
}

/** Threads of one company, most recent first. */
export function listCustomerThreads(db: Db, customerId: string, limit: number) {
  return db.messageThread.findMany({
    where: { customerId },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...threadSelect, lastMessageAt: true },
  });
}

/** Every company's threads for the back-office; `assignedTo`: a staff id, null for nobody, undefined for all. */
export function listStaffThreads(db: Db, assignedTo: string | null | undefined, limit: number) {
  return db.messageThread.findMany({
    where: assignedTo === undefined ? {} : { assignedToId: assignedTo },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...threadSelect, lastMessageAt: true, customer: { select: { legalName: true } }, assignedTo: { select: { name: true } } },
  });
}

/** The whole conversation, attachments without their bytes. */
export function findConversation(db: Db, threadId: string) {
  return db.messageThread.findUnique({
    where: { id: threadId },
    select: {
      ...threadSelect,
      customer: { select: { legalName: true } },
      assignedTo: { select: { name: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          authorKind: true,
          body: true,
          createdAt: true,
          author: { select: { name: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, contentType: true, size: true } },
        },
      },
    },
  });
}

/** Threads of a company the customer side has not read (the portal's badge). */
export async function countCustomerUnread(db: Db, customerId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM message_threads
    WHERE customer_id = ${customerId}::uuid AND last_staff_message_at IS NOT NULL
      AND (customer_read_at IS NULL OR customer_read_at < last_staff_message_at)`;
  return Number(row?.n ?? 0);
}

/** Threads the billing team has not read (the back-office's badge). */
export async function countStaffUnread(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM message_threads
    WHERE last_customer_message_at IS NOT NULL AND (staff_read_at IS NULL OR staff_read_at < last_customer_message_at)`;
  return Number(row?.n ?? 0);
}

const attachmentFile = { fileName: true, contentType: true, bytes: true } as const;

/** An attachment of one of `customerId`'s threads; null for any other company's. */
export function findCustomerAttachment(db: Db, customerId: string, attachmentId: string) {
  return db.messageAttachment.findFirst({ where: { id: attachmentId, message: { thread: { customerId } } }, select: attachmentFile });
}

export function findAttachment(db: Db, attachmentId: string) {
  return db.messageAttachment.findUnique({ where: { id: attachmentId }, select: attachmentFile });
}

/** Staff who handle secure messages: billing staff and admins, still enabled. */
export function listMessageStaff(db: Db) {
  return db.user.findMany({
    where: { kind: "STAFF", disabledAt: null, staffRoles: { hasSome: ["BILLING", "ADMIN"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, locale: true },
  });
}

/** The enabled users of a customer company, told of a staff reply. */
export function listCustomerRecipients(db: Db, customerId: string) {
  return db.user.findMany({
    where: { kind: "CUSTOMER", customerId, disabledAt: null },
    orderBy: { id: "asc" },
    select: { id: true, email: true, locale: true },
  });
}
