import { mayChangeStatus, type ThreadStatus } from "@/domain/messages/message-rules";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { findThread, lockThread, updateThread } from "@/server/messages/message-repository";

/** Billing staff close a thread that needs nothing more, or reopen it. */
export async function changeThreadStatus(db: RootDb, actor: StaffActor, threadId: string, status: ThreadStatus, ctx: RequestContext, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await findThread(tx, threadId);
    if (!found) throw new DomainError("NOT_FOUND", { entity: "message_thread" });
    await lockThread(tx, found.id);
    const thread = await findThread(tx, threadId);
    if (!thread || !mayChangeStatus(thread.status, status)) throw new DomainError("INVALID_TRANSITION", { from: thread?.status, to: status });
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
