import type { StaffRoleName } from "@/domain/auth/roles";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { setStaffRoles, staffUserRoles } from "@/server/users/user-writes";

/**
 * Admins change a colleague's roles. Removing any role ends the colleague's open sessions at once
 * (their session version moves on); an admin cannot remove their own admin role.
 */
export async function updateStaffRoles(db: RootDb, actor: StaffActor, userId: string, roles: StaffRoleName[], now: Date): Promise<void> {
  if (roles.length === 0) throw new DomainError("VALIDATION_FAILED", { field: "roles", reason: "AT_LEAST_ONE" });
  await db.$transaction(async (tx) => {
    const current = await staffUserRoles(tx, userId);
    if (!current) throw new DomainError("NOT_FOUND", { entity: "staff" });
    if (userId === actor.id && current.includes("ADMIN") && !roles.includes("ADMIN")) throw new DomainError("FORBIDDEN", { reason: "OWN_ADMIN_ROLE", field: "roles" });
    const removed = current.filter((r) => !roles.includes(r));
    await setStaffRoles(tx, userId, roles, removed.length > 0);
    await recordAudit(tx, { action: "staff.roles_changed", actorUserId: actor.id, actorEmail: actor.email, targetType: "user", targetId: userId, details: { from: current, to: roles }, at: now });
  });
}
