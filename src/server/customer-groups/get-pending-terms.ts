import type { TermsVersionDto } from "@/contracts/portal-rules-views";
import type { Db } from "@/server/db/types";
import { readTermsBody } from "@/server/customer-groups/portal-rules-repository";
import { findTermsVersion, portalAccessFacts } from "@/server/customer-groups/terms-repository";

/** The terms this customer user still has to accept (their group's latest version), or null when none. */
export async function getPendingTerms(db: Db, user: { id: string; customerId: string }): Promise<TermsVersionDto | null> {
  const facts = await portalAccessFacts(db, user.id, user.customerId);
  if (!facts.portalEnabled || !facts.termsVersionId || facts.accepted) return null;
  const t = await findTermsVersion(db, facts.termsVersionId);
  return t ? { id: t.id, version: t.version, body: readTermsBody(t.body), publishedAt: t.publishedAt } : null;
}
