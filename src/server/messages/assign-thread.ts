import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { findThread, listMessageStaff, lockThread, updateThread } from "@/server/messages/message-repository";

/** Billing staff give a thread to one of them (billing staff or admin), or to nobody. */
export async function assignThread(db: RootDb, actor: StaffActor, threadId: string, assigneeId: string | null, ctx: RequestContext, now: Date): Promise<{ assigneeName: string | null }> {
  return db.$transaction(async (tx) => {
    // Locked before it is read: the audit's "from" is the assignee this change replaces.
    const thread = (await lockThread(tx, threadId)) ? await findThread(tx, threadId) : null;
    if (!thread) throw new DomainError("NOT_FOUND", { entity: "message_thread" });
    const assignee = assigneeId ? (await listMessageStaff(tx)).find((s) => s.id === assigneeId) : null;
    if (assigneeId && !assignee) throw new DomainError("VALIDATION_FAILED", { field: "assigneeId", reason: "UNKNOWN_ASSIGNEE" });
    await updateThread(tx, thread.id, { assignedToId: assignee?.id ?? null });
    await recordAudit(tx, {
      action: "message_thread.assigned",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "message_thread",
      targetId: thread.id,
      customerId: thread.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { from: thread.assignedToId, to: assignee?.id ?? null, toEmail: assignee?.email ?? null },
      at: now,
    });
    return { assigneeName: assignee?.name ?? null };
  });
}
