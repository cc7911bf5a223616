import type { Db } from "@/server/db/types";
import { findAttachment, findCustomerAttachment } from "@/server/messages/message-repository";

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * An attachment's bytes for a download: a customer gets only their own company's (anything else is
 * null, as a missing one), staff get any.
 */
export async function getAttachment(db: Db, reader: { side: "CUSTOMER"; customerId: string } | { side: "STAFF" }, attachmentId: string): Promise<AttachmentFile | null> {
  return reader.side === "CUSTOMER" ? findCustomerAttachment(db, reader.customerId, attachmentId) : findAttachment(db, attachmentId);
}
