import { UUID_RE } from "@/domain/shared/row-ids";
import { attachmentResponse } from "@/app/_lib/attachment-response";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getAttachment } from "@/server/messages/get-attachment";

/** An attachment of one of the caller's company's threads; any other id, guessed or not, is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const user = await requireCustomer();
  const { attachmentId } = await params;
  if (!UUID_RE.test(attachmentId)) return attachmentResponse(null);
  return attachmentResponse(await getAttachment(getDb(), { side: "CUSTOMER", customerId: user.customerId }, attachmentId));
}
