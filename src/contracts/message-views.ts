import type { AttachmentType } from "@/domain/messages/attachment-rules";
import type { MessageCategory, MessageSide, ThreadStatus } from "@/domain/messages/message-rules";

/** One line of a thread list, for either side; `unread` is the reader's side's. */
export interface ThreadListItemDto {
  id: string;
  subject: string;
  category: MessageCategory;
  status: ThreadStatus;
  lastMessageAt: string;
  unread: boolean;
  /** Staff lists only. */
  customerName?: string;
  assigneeName?: string | null;
}

export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: AttachmentType;
  size: number;
}

export interface MessageDto {
  id: string;
  authorName: string;
  authorKind: MessageSide;
  body: string;
  createdAt: string;
  attachments: AttachmentDto[];
}

export interface ThreadDto {
  id: string;
  subject: string;
  category: MessageCategory;
  status: ThreadStatus;
  customerId: string;
  customerName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  messages: MessageDto[];
}

/** A staff member a thread can be assigned to. */
export interface AssigneeOptionDto {
  id: string;
  name: string;
}
