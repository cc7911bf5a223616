import { z } from "zod";
import { ATTACHMENTS_PER_MESSAGE_MAX, type AttachmentRefusal, checkAttachment } from "@/domain/messages/attachment-rules";
import { BODY_MAX_LENGTH, MESSAGE_CATEGORIES, SUBJECT_MAX_LENGTH } from "@/domain/messages/message-rules";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";

const noNul = (v: string) => !v.includes("\u0000");

/** A file as the form sent it, read into memory (its size was checked before reading). */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The files of one message: at most three, each one checked by its first bytes and size. The first
 * refused file names the problem of the whole `attachments` field (one file input per form).
 */
export const ZMessageAttachments = z
  .array(z.custom<ReceivedFile>((v) => typeof v === "object" && v !== null && "bytes" in v && (v as ReceivedFile).bytes instanceof Uint8Array))
  .superRefine((files, ctx) => {
    if (files.length > ATTACHMENTS_PER_MESSAGE_MAX) {
      ctx.addIssue({ code: "custom", message: "too many files", params: { code: "TOO_MANY_ATTACHMENTS" satisfies AttachmentRefusal } });
      return;
    }
    for (const f of files) {
      const checked = checkAttachment(f.name, f.bytes);
      if (typeof checked === "string") {
        ctx.addIssue({ code: "custom", message: checked, params: { code: checked } });
        return;
      }
    }
  });

const ZBody = z.string().trim().min(1).max(BODY_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE);

export const ZStartThreadInput = z.strictObject({
  subject: z.string().trim().min(1).max(SUBJECT_MAX_LENGTH).refine(noNul, NUL_BYTE_MESSAGE),
  category: z.enum(MESSAGE_CATEGORIES),
  body: ZBody,
  attachments: ZMessageAttachments,
});
export type TStartThreadInput = z.infer<typeof ZStartThreadInput>;

export const ZReplyInput = z.strictObject({
  threadId: z.string().uuid(),
  body: ZBody,
  attachments: ZMessageAttachments,
});
export type TReplyInput = z.infer<typeof ZReplyInput>;

export const ZAssignThreadInput = z.strictObject({
  threadId: z.string().uuid(),
  /** Empty: nobody. */
  assigneeId: z.union([z.literal(""), z.string().uuid()]).transform((v) => v || null),
});

export const ZThreadStatusInput = z.strictObject({
  threadId: z.string().uuid(),
  status: z.enum(["OPEN", "CLOSED"]),
});

export const STAFF_THREAD_FILTERS = ["all", "unassigned", "mine"] as const;
export const ZStaffThreadFilter = z.enum(STAFF_THREAD_FILTERS).catch("all");
export type StaffThreadFilter = (typeof STAFF_THREAD_FILTERS)[number];
