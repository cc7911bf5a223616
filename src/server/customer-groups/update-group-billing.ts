import type { DunningPolicy } from "@/domain/billing/dunning-policy";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { isKnownHolidayCalendar } from "@/server/calendar/public-holidays";
import { lockGroup, updateGroupBilling } from "@/server/customer-groups/customer-group-repository";
import type { RootDb } from "@/server/db/types";

/**
 * Saves a group's "Billing" tab: its renewal and dunning policy (already coherent: the contract ran
 * the domain's checks) and whether staff may change a service's status by hand. That second switch
 * is an administrator's decision (`mayAllowManualStatus`): billing staff saving the tab keep it as
 * it is. The holiday calendar must be one the library knows, or business days would silently
 * ignore the region. The next billing run applies the new policy; the audit lists what changed.
 */
export async function updateGroupBillingSettings(
  db: RootDb,
  actor: StaffActor & { mayAllowManualStatus: boolean },
  groupId: string,
  input: { policy: DunningPolicy; manualStatusChanges?: boolean },
  now: Date,
): Promise<{ changedFields: string[] }> {
  const { holidayCountry, holidayRegion } = input.policy;
  if (holidayCountry && !isKnownHolidayCalendar(holidayCountry, null)) throw new DomainError("VALIDATION_FAILED", { field: "holidayCountry", reason: "NOT_A_COUNTRY" });
  if (holidayCountry && holidayRegion && !isKnownHolidayCalendar(holidayCountry, holidayRegion)) throw new DomainError("VALIDATION_FAILED", { field: "holidayRegion", reason: "NOT_A_REGION" });
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    if (!group) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
    const manual = input.manualStatusChanges ?? group.manualStatusChanges;
    if (manual !== group.manualStatusChanges && !actor.mayAllowManualStatus) throw new DomainError("FORBIDDEN", { field: "manualStatusChanges", reason: "ADMIN_ONLY" });
    const before: Record<string, unknown> = { ...group.policy, manualStatusChanges: group.manualStatusChanges };
    const after: Record<string, unknown> = { ...input.policy, manualStatusChanges: manual };
    const changedFields = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changedFields.length === 0) return { changedFields };
    await updateGroupBilling(tx, groupId, input.policy, manual);
    await recordAudit(tx, {
      action: "customer_group.billing_updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "customer_group",
      targetId: groupId,
      details: { fields: changedFields, before: pick(before, changedFields), after: pick(after, changedFields) },
      at: now,
    });
    return { changedFields };
  });
}

const pick = (o: Record<string, unknown>, keys: string[]) => JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, o[k]]))));
