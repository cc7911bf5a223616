import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { lockInboundEmail, recordInboundEmailOutcome } from "@/server/support/intake/inbound-email-repository";

/**
 * Support staff set a held message aside (spam, a mistake): it stays in the inbox table for the
 * record, leaves the list, and its sender is not told.
 */
export async function dismissHeldEmail(db: RootDb, actor: StaffActor, emailId: string, ctx: RequestContext, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const email = await lockInboundEmail(tx, emailId);
    if (!email) throw new DomainError("NOT_FOUND", { entity: "inbound_email" });
    if (email.outcome !== "HELD") throw new DomainError("HELD_EMAIL_DECIDED");
    await recordInboundEmailOutcome(tx, email.id, { outcome: "DISMISSED", decidedById: actor.id, decidedAt: now });
    await recordAudit(tx, {
      action: "support_inbound_email.dismissed",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "inbound_email",
      targetId: email.id,
      customerId: email.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { from: email.fromAddress, heldReason: email.heldReason },
      at: now,
    });
  });
}
