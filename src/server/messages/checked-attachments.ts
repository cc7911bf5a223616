import type { ReceivedFile } from "@/contracts/messages";
import { ATTACHMENTS_PER_MESSAGE_MAX, type CheckedAttachment, checkAttachment } from "@/domain/messages/attachment-rules";
import { DomainError } from "@/domain/shared/domain-error";

/**
 * The files of a message, checked again by the use-case whoever called it (the form's schema
 * checked them first): a refused file refuses the whole message before anything is written.
 */
export function checkedAttachments(files: readonly ReceivedFile[]): CheckedAttachment[] {
  if (files.length > ATTACHMENTS_PER_MESSAGE_MAX) throw new DomainError("VALIDATION_FAILED", { field: "attachments", reason: "TOO_MANY_ATTACHMENTS" });
  return files.map((f) => {
    const checked = checkAttachment(f.name, f.bytes);
    if (typeof checked === "string") throw new DomainError("VALIDATION_FAILED", { field: "attachments", reason: checked });
    return checked;
  });
}
