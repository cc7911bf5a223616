import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { insertGroup } from "@/server/customer-groups/customer-group-repository";
import type { RootDb } from "@/server/db/types";

/** Billing staff create a customer group; it starts with the sources' billing terms (the defaults). */
export async function createCustomerGroup(db: RootDb, actor: StaffActor, name: string, now: Date): Promise<{ groupId: string }> {
  return db.$transaction(async (tx) => {
    const groupId = await insertGroup(tx, name);
    if (!groupId) throw new DomainError("VALIDATION_FAILED", { field: "name", reason: "NAME_TAKEN" });
    await recordAudit(tx, { action: "customer_group.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "customer_group", targetId: groupId, details: { name }, at: now });
    return { groupId };
  });
}
