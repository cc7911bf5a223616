import type { PortalRulesDto } from "@/contracts/portal-rules-views";
import { readAccessQuestions } from "@/domain/portal-rules/access-questions";
import { readPortalMessages } from "@/domain/portal-rules/portal-messages";
import { findCurrentTerms, findGroupByAccessSlug, findPortalRulesRow, type PortalRulesRow } from "@/server/customer-groups/portal-rules-repository";
import type { Db } from "@/server/db/types";

/**
 * A customer group's portal rules: whether its customers may use the portal, the tax-ID format and
 * questions of its access request, its messages per step, its contact cap and its current terms.
 * Null for an unknown group. Shared by the back-office, the sign-in guard and the access request.
 */
export async function getPortalRules(db: Db, groupId: string): Promise<PortalRulesDto | null> {
  const row = await findPortalRulesRow(db, groupId);
  return row ? toPortalRules(db, row) : null;
}

/** The same DTO from a row already read (e.g. found by its access slug). */
export async function toPortalRules(db: Db, row: PortalRulesRow): Promise<PortalRulesDto> {
  return {
    groupId: row.id,
    groupName: row.name,
    portalEnabled: row.portalEnabled,
    taxIdFormat: row.taxIdFormat,
    emailHelpUrl: row.emailHelpUrl,
    messages: readPortalMessages(row.portalMessages),
    questions: readAccessQuestions(row.accessQuestions),
    maxContacts: row.maxContacts,
    accessSlug: row.accessSlug,
    currentTerms: await findCurrentTerms(db, row.id),
  };
}

/** The rules of the group whose public access-request link is /access/{slug}; null for an unknown slug. */
export async function getPortalRulesBySlug(db: Db, slug: string): Promise<PortalRulesDto | null> {
  const row = await findGroupByAccessSlug(db, slug);
  return row ? toPortalRules(db, row) : null;
}
