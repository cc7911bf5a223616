import { isComplete, tabCompleteness } from "@/domain/access-requests/access-request-steps";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { moveStatus } from "@/server/access-requests/access-request-repository";
import { openAccessRequest } from "@/server/access-requests/open-access-request";

/**
 * The representative sends a complete draft to billing staff. Incomplete: ACCESS_REQUEST_INCOMPLETE
 * with the tabs still to fill. The terms acceptance it relies on is the current version's, recorded
 * when the representative ticked it (a newer version published meanwhile must be accepted first).
 */
export async function submitAccessRequest(db: RootDb, token: string, ctx: RequestContext, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const { request, group, questions, snapshot, terms } = await openAccessRequest(tx, token);
    if (!group.portalEnabled) throw new DomainError("PORTAL_DISABLED");
    if (request.status !== "DRAFT") throw new DomainError("ACCESS_REQUEST_CLOSED");
    const tabs = tabCompleteness(group.taxIdFormat, questions, snapshot);
    if (!isComplete(tabs)) throw new DomainError("ACCESS_REQUEST_INCOMPLETE", { tabs: Object.keys(tabs).filter((tab) => !tabs[tab as keyof typeof tabs]) });
    if (!(await moveStatus(tx, request.id, "DRAFT", "SUBMITTED", { submittedAt: now }))) throw new DomainError("ACCESS_REQUEST_CLOSED");
    await recordAudit(tx, {
      action: "access_request.submitted",
      actorEmail: request.contactEmail,
      targetType: "access_request",
      targetId: request.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { company: request.companyName, termsVersion: terms?.version ?? null },
      at: now,
    });
  });
}
