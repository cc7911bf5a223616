import { notFound, RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { followTrackedLink } from "@/server/mail/follow-tracked-link";

// A token is base64url text and a dot; anything else (NUL bytes included) is not one of ours.
const ZToken = z.string().regex(/^[\w-]{1,1500}\.[\w-]{1,100}$/);

/**
 * A link of an invoice e-mail (ADR 0017). Deliberately public (the reader may be signed out; the
 * page it leads to checks access itself). Records the click, then redirects to the in-app path the
 * signed token names, never anything taken from the request. A page rather than a route handler so
 * that a forged token shows the app's own 404 page to the person who followed it.
 */
export default async function TrackedLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = ZToken.safeParse((await params).token);
  if (!token.success) notFound();
  const path = await followTrackedLink(getDb(), token.data, new Date());
  if (!path) notFound();
  redirect(path, RedirectType.replace);
}
