import { randomUUID } from "node:crypto";
import type { TPortalRulesInput } from "@/contracts/portal-rules";
import { readAccessQuestions } from "@/domain/portal-rules/access-questions";
import { readPortalMessages } from "@/domain/portal-rules/portal-messages";
import { DomainError } from "@/domain/shared/domain-error";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { lockGroup } from "@/server/customer-groups/customer-group-repository";
import { accessSlugTakenByOther, findPortalRulesRow, type PortalRulesWrite, updatePortalRulesRow } from "@/server/customer-groups/portal-rules-repository";
import type { RootDb } from "@/server/db/types";

const SLUG_TAKEN = () => new DomainError("VALIDATION_FAILED", { field: "accessSlug", reason: "SLUG_TAKEN" });

/**
 * Saves a group's "Portal" tab (already shaped by ZPortalRulesInput). Empty message texts are not
 * stored (the page shows its own default); a question added now gets a stable uuid, so answers
 * keyed by id survive relabelling. A public link another group uses is refused on its field, also
 * when two saves race (the unique index). The audit lists the fields that changed.
 */
export async function updatePortalRules(db: RootDb, actor: StaffActor, groupId: string, input: TPortalRulesInput, now: Date): Promise<{ changedFields: string[] }> {
  return db.$transaction(async (tx) => {
    if (!(await lockGroup(tx, groupId))) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    const before = await findPortalRulesRow(tx, groupId);
    if (!before) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    if (input.accessSlug && (await accessSlugTakenByOther(tx, input.accessSlug, groupId))) throw SLUG_TAKEN();
    const next: PortalRulesWrite = {
      portalEnabled: input.portalEnabled,
      taxIdFormat: input.taxIdFormat,
      emailHelpUrl: input.emailHelpUrl,
      portalMessages: storedMessages(input.messages),
      accessQuestions: input.questions.map((q) => ({
        id: q.id || randomUUID(),
        label: Object.fromEntries(Object.entries(q.label).filter(([, v]) => v.trim() !== "")),
        required: q.required,
      })),
      maxContacts: input.maxContacts,
      accessSlug: input.accessSlug,
    };
    const old: Record<string, unknown> = {
      portalEnabled: before.portalEnabled,
      taxIdFormat: before.taxIdFormat,
      emailHelpUrl: before.emailHelpUrl,
      portalMessages: readPortalMessages(before.portalMessages),
      accessQuestions: readAccessQuestions(before.accessQuestions),
      maxContacts: before.maxContacts,
      accessSlug: before.accessSlug,
    };
    const changedFields = Object.keys(next).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k as keyof PortalRulesWrite]));
    if (changedFields.length === 0) return { changedFields };
    try {
      await updatePortalRulesRow(tx, groupId, next);
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw SLUG_TAKEN();
      throw e;
    }
    // Long texts stay out of the audit: which fields changed, and the short ones' new values.
    const short = ["portalEnabled", "taxIdFormat", "emailHelpUrl", "maxContacts", "accessSlug"].filter((k) => changedFields.includes(k));
    await recordAudit(tx, {
      action: "customer_group.portal_updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "customer_group",
      targetId: groupId,
      details: { fields: changedFields, after: JSON.parse(JSON.stringify(Object.fromEntries(short.map((k) => [k, next[k as keyof PortalRulesWrite]])))) },
      at: now,
    });
    return { changedFields };
  });
}

/** Keeps non-empty texts only, in the same shape readPortalMessages reads back. */
function storedMessages(messages: TPortalRulesInput["messages"]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [step, texts] of Object.entries(messages)) {
    const kept = Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== ""));
    if (Object.keys(kept).length > 0) out[step] = kept;
  }
  return out;
}
