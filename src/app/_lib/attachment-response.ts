import { contentDisposition } from "@/domain/messages/attachment-rules";
import type { AttachmentFile } from "@/server/messages/get-attachment";

/**
 * A secure-message attachment as a download: the type its bytes were found to be, always as an
 * attachment with a safe name, never sniffed or run by the browser, never cached.
 */
export function attachmentResponse(file: AttachmentFile | null): Response {
  if (!file) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.fileName),
      "Content-Length": String(file.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
