import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { findInvitation } from "@/server/invitations/invitation-repository";
import type { StaffActor } from "@/server/auth/actor";
import { sendInvitationLink } from "@/server/invitations/send-invitation-link";

/** Sends a new link (valid seven days from now); the previous link stops working. */
export async function resendInvitation(
  db: RootDb,
  actor: StaffActor,
  customerId: string,
  invitationId: string,
  ctx: RequestContext,
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const inv = await findInvitation(tx, customerId, invitationId);
    if (!inv) throw new DomainError("NOT_FOUND", { entity: "invitation" });
    if (inv.acceptedAt || inv.revokedAt) throw new DomainError("INVITATION_CLOSED");
    await sendInvitationLink(
      tx,
      {
        id: inv.id,
        email: inv.email,
        locale: isLocale(inv.locale) ? inv.locale : "en",
        companyName: inv.customer.legalName,
        inviterName: actor.name,
      },
      now,
    );
    await recordAudit(tx, {
      action: "invitation.resent",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "invitation",
      targetId: inv.id,
      customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
  });
}
