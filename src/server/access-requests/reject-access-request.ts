import { REJECTION_REASON_MAX } from "@/domain/access-requests/access-request-status";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { appUrl } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { findGroupRules, findRequest, moveStatus } from "@/server/access-requests/access-request-repository";

/** Billing staff reject a submitted request with a reason, which is e-mailed to the representative. */
export async function rejectAccessRequest(db: RootDb, actor: StaffActor, requestId: string, reason: string, ctx: RequestContext, now: Date): Promise<void> {
  const why = reason.trim();
  if (why === "") throw new DomainError("VALIDATION_FAILED", { field: "reason", reason: "REQUIRED" });
  if (why.length > REJECTION_REASON_MAX) throw new DomainError("VALIDATION_FAILED", { field: "reason", reason: "TOO_LONG" });
  await db.$transaction(async (tx) => {
    const request = await findRequest(tx, requestId);
    if (!request) throw new DomainError("NOT_FOUND", { entity: "access_request" });
    if (!(await moveStatus(tx, request.id, "SUBMITTED", "REJECTED", { decidedById: actor.id, decidedAt: now, rejectionReason: why }))) throw new DomainError("ACCESS_REQUEST_CLOSED");
    const group = await findGroupRules(tx, request.groupId);
    const link = group?.accessSlug && group.portalEnabled ? `${appUrl()}/access/${group.accessSlug}` : `${appUrl()}/`;
    await enqueueEmail(
      tx,
      request.contactEmail,
      isLocale(request.locale) ? request.locale : "en",
      { template: "accessRequestRejected", params: { companyName: request.companyName, reason: why, link } },
      `access-request-rejected:${request.id}`,
      now,
    );
    await recordAudit(tx, {
      action: "access_request.rejected",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "access_request",
      targetId: request.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { reason: why },
      at: now,
    });
  });
}
