import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { recordEmailOpen } from "@/server/mail/record-email-open";

// The smallest transparent GIF (1x1, one transparent colour), 43 bytes.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
const ZPixelToken = z.string().regex(/^[\w-]{1,1500}\.[\w-]{1,100}\.gif$/);

/**
 * The open pixel of an invoice e-mail (ADR 0017), deliberately public (mail clients fetch it
 * without a session; it reveals nothing and grants nothing): records OPENED and answers a 1x1 transparent GIF
 * that no cache may keep (each open must reach us, and a proxy must not answer for us).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const parsed = ZPixelToken.safeParse((await params).token);
  if (!parsed.success) notFound();
  const recorded = await recordEmailOpen(getDb(), parsed.data.slice(0, -".gif".length), new Date());
  if (!recorded) notFound();
  return new Response(new Uint8Array(PIXEL), {
    headers: {
      "Content-Type": "image/gif",
      "Content-Length": String(PIXEL.length),
      "Cache-Control": "no-store, no-cache, must-revalidate, private",
      Pragma: "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
