import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { followTrackedLink } from "@/server/mail/follow-tracked-link";

// A token is base64url text and a dot; anything else (NUL bytes included) is not one of ours.
const ZToken = z.string().regex(/^[\w-]{1,1500}\.[\w-]{1,100}$/);

/**
 * A link of an invoice e-mail (ADR 0017): records the click, then redirects to the in-app path the
 * signed token names (relative, so never another host). A forged token is the 404 page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = ZToken.safeParse((await params).token);
  if (!token.success) notFound();
  const path = await followTrackedLink(getDb(), token.data, new Date());
  if (!path) notFound();
  return new Response(null, {
    status: 303,
    headers: { Location: path, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
