import { mayChangeStatus, type ThreadStatus } from "@/domain/messages/message-rules";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { findThread, lockThread, updateThread } from "@/server/messages/message-repository";

/** Billing staff close a thread that needs nothing more, or reopen it. */
export async function changeThreadStatus(db: RootDb, actor: StaffActor, threadId: string, status: ThreadStatus, ctx: RequestContext, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    // Locked before it is read, so the transition is judged on the status it changes.
    const thread = (await lockThread(tx, threadId)) ? await findThread(tx, threadId) : null;
    if (!thread) throw new DomainError("NOT_FOUND", { entity: "message_thread" });
    if (!mayChangeStatus(thread.status, status)) throw new DomainError("INVALID_TRANSITION", { from: thread.status, to: status });
    await updateThread(tx, thread.id, { status });
    await recordAudit(tx, {
      action: status === "CLOSED" ? "message_thread.closed" : "message_thread.reopened",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "message_thread",
      targetId: thread.id,
      customerId: thread.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      at: now,
    });
  });
}
