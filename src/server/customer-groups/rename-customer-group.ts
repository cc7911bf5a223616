import { DomainError } from "@/domain/shared/domain-error";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { lockGroup } from "@/server/customer-groups/customer-group-repository";
import { renameGroupRow } from "@/server/customer-groups/group-members-repository";
import type { RootDb } from "@/server/db/types";

const NAME_TAKEN = () => new DomainError("VALIDATION_FAILED", { field: "name", reason: "NAME_TAKEN" });

/** Renames a customer group; another group's name is refused on the field (also under a race: unique index). */
export async function renameCustomerGroup(db: RootDb, actor: StaffActor, groupId: string, name: string, now: Date): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    if (!group) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    if (group.name === name) return { changed: false };
    try {
      if (!(await renameGroupRow(tx, groupId, name))) throw NAME_TAKEN();
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw NAME_TAKEN();
      throw e;
    }
    await recordAudit(tx, { action: "customer_group.renamed", actorUserId: actor.id, actorEmail: actor.email, targetType: "customer_group", targetId: groupId, details: { before: group.name, after: name }, at: now });
    return { changed: true };
  });
}
