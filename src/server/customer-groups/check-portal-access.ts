import type { Db } from "@/server/db/types";
import { portalAccessFacts } from "@/server/customer-groups/terms-repository";

export type PortalAccess = { kind: "open" } | { kind: "disabled" } | { kind: "termsPending"; termsVersionId: string };

/**
 * May this customer user use the portal now? Not when their company's group has the portal turned
 * off; not before accepting the group's latest terms. A company without a group is unaffected.
 */
export async function checkPortalAccess(db: Db, user: { id: string; customerId: string }): Promise<PortalAccess> {
  const facts = await portalAccessFacts(db, user.id, user.customerId);
  if (!facts.grouped) return { kind: "open" };
  if (!facts.portalEnabled) return { kind: "disabled" };
  if (facts.termsVersionId && !facts.accepted) return { kind: "termsPending", termsVersionId: facts.termsVersionId };
  return { kind: "open" };
}
