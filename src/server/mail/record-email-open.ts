import type { Db } from "@/server/db/types";
import { recordEmailEvent } from "@/server/mail/email-evidence-repository";
import { readTrackingToken } from "@/server/mail/tracking-token";

/** The open pixel was fetched: records OPENED once per e-mail (repeats counted); false for a bad token. */
export async function recordEmailOpen(db: Db, token: string, now: Date): Promise<boolean> {
  const claim = readTrackingToken(token);
  if (claim?.kind !== "open") return false;
  return recordEmailEvent(db, { emailId: claim.emailId, kind: "OPENED", link: "", at: now });
}
