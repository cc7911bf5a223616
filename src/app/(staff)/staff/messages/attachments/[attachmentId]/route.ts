import { UUID_RE } from "@/domain/shared/row-ids";
import { attachmentResponse } from "@/app/_lib/attachment-response";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getAttachment } from "@/server/messages/get-attachment";

/** Any thread's attachment, for billing staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  await requireStaff("BILLING");
  const { attachmentId } = await params;
  if (!UUID_RE.test(attachmentId)) return attachmentResponse(null);
  return attachmentResponse(await getAttachment(getDb(), { side: "STAFF" }, attachmentId));
}
