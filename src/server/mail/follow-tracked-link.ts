import type { Db } from "@/server/db/types";
import { recordEmailEvent } from "@/server/mail/email-evidence-repository";
import { readTrackingToken } from "@/server/mail/tracking-token";

/**
 * A click on a tracked e-mail link (ADR 0017): records CLICKED for (e-mail, path) once (repeats are
 * counted) and answers the in-app path to redirect to, taken from the signed token only. A forged
 * or unknown token answers null: the caller shows 404 and nothing is recorded.
 */
export async function followTrackedLink(db: Db, token: string, now: Date): Promise<string | null> {
  const claim = readTrackingToken(token);
  if (claim?.kind !== "click") return null;
  const recorded = await recordEmailEvent(db, {
    emailId: claim.emailId,
    kind: "CLICKED",
    link: claim.path,
    at: now,
  });
  return recorded ? claim.path : null;
}
