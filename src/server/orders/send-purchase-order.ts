import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { lockPurchaseOrder, updatePurchaseOrder } from "@/server/orders/purchase-order-repository";

/** Makes a prepared order visible to the customer in the portal, for them to accept or decline. */
export async function sendPurchaseOrder(db: RootDb, actor: StaffActor, orderId: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const po = await lockPurchaseOrder(tx, orderId);
    if (!po) throw new DomainError("NOT_FOUND", { entity: "purchase_order" });
    if (po.status !== "DRAFT") throw new DomainError("INVALID_TRANSITION", { entity: "purchase_order", from: po.status, event: "send" });
    await updatePurchaseOrder(tx, orderId, { status: "SENT", sentAt: now });
    await recordAudit(tx, { action: "purchase_order.sent", actorUserId: actor.id, actorEmail: actor.email, targetType: "purchase_order", targetId: orderId, customerId: po.customer_id, at: now });
  });
}
