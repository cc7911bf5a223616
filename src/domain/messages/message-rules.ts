/**
 * Secure messages between a customer company and the billing team (issue 17, ADR 0020): what a
 * thread and a message may hold. Pure rules; the server and the forms share them.
 */
export const MESSAGE_CATEGORIES = ["OWNERSHIP_CHANGE", "BILLING_QUESTION", "URGENT"] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

export const THREAD_STATUSES = ["OPEN", "CLOSED"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const SUBJECT_MAX_LENGTH = 150;
export const BODY_MAX_LENGTH = 10_000;

/** The side of the conversation a person writes from. */
export type MessageSide = "CUSTOMER" | "STAFF";

/** What each side last saw and when the other side last wrote (null: never). */
export interface ThreadReadState {
  lastCustomerMessageAt: Date | null;
  lastStaffMessageAt: Date | null;
  customerReadAt: Date | null;
  staffReadAt: Date | null;
}

/**
 * A side has something unread when the other side wrote after it last opened the thread. A side's
 * own messages never count: writing marks the thread read for the writer's side.
 */
export function isUnreadFor(side: MessageSide, t: ThreadReadState): boolean {
  const theirs = side === "CUSTOMER" ? t.lastStaffMessageAt : t.lastCustomerMessageAt;
  const seen = side === "CUSTOMER" ? t.customerReadAt : t.staffReadAt;
  if (!theirs) return false;
  return !seen || theirs.getTime() > seen.getTime();
}

/** The thread's state after a message from `side` at `now`; a reply to a closed thread reopens it. */
export function afterMessage(side: MessageSide, now: Date): Partial<ThreadReadState> & { lastMessageAt: Date; status: ThreadStatus } {
  return side === "CUSTOMER"
    ? { lastMessageAt: now, lastCustomerMessageAt: now, customerReadAt: now, status: "OPEN" }
    : { lastMessageAt: now, lastStaffMessageAt: now, staffReadAt: now, status: "OPEN" };
}

/** Staff close an open thread and reopen a closed one; anything else is refused. */
export function mayChangeStatus(from: ThreadStatus, to: ThreadStatus): boolean {
  return from !== to;
}
