import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { RootDb } from "@/server/db/types";
import { findInvitation, markInvitationRevoked, revokeInvitationTokens } from "@/server/invitations/invitation-repository";
import type { StaffActor } from "@/server/auth/actor";

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(
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
    if (inv.acceptedAt) throw new DomainError("INVITATION_CLOSED");
    if (inv.revokedAt) return;
    await markInvitationRevoked(tx, inv.id, now);
    await revokeInvitationTokens(tx, inv.id, now);
    await recordAudit(tx, {
      action: "invitation.revoked",
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
