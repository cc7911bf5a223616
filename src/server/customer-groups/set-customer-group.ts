import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { lockGroup } from "@/server/customer-groups/customer-group-repository";
import { lockCustomerGroupId, setCustomerGroupId } from "@/server/customer-groups/group-members-repository";
import type { RootDb } from "@/server/db/types";

/**
 * Moves a customer into a group (`groupId`) or out of `fromGroupId` (groupId null). Removing only
 * acts when the customer is still in that group, so a stale page cannot pull a customer out of a
 * group it has since joined. The customer then follows the new group's billing and portal rules.
 */
export async function setCustomerGroup(
  db: RootDb,
  actor: StaffActor,
  input: { customerId: string; groupId: string } | { customerId: string; groupId: null; fromGroupId: string },
  now: Date,
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    if (input.groupId && !(await lockGroup(tx, input.groupId))) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    const current = await lockCustomerGroupId(tx, input.customerId);
    if (!current) throw new DomainError("NOT_FOUND", { entity: "customer", field: "customerId" });
    if (input.groupId === null && current.groupId !== input.fromGroupId) throw new DomainError("NOT_FOUND", { entity: "customer", field: "customerId" });
    if (current.groupId === input.groupId) return { changed: false };
    await setCustomerGroupId(tx, input.customerId, input.groupId);
    await recordAudit(tx, {
      action: "customer.group_changed",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "customer",
      targetId: input.customerId,
      customerId: input.customerId,
      details: { before: current.groupId, after: input.groupId },
      at: now,
    });
    return { changed: true };
  });
}
