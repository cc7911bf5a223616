import type { TUpdateSupportSettingsInput } from "@/contracts/support-settings";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { isKnownHolidayCalendar } from "@/server/calendar/public-holidays";
import type { RootDb } from "@/server/db/types";
import { getSupportSettings } from "@/server/support/get-support-settings";
import { lockSupportSettings, updateSupportSettingsRow } from "@/server/support/support-settings-repository";

/**
 * An admin saves Settings → Support desk. New rules apply to time logged from now on: entries keep
 * the charge computed when they were logged. The audit lists the changed fields.
 */
export async function updateSupportSettings(db: RootDb, actor: StaffActor, input: TUpdateSupportSettingsInput, ctx: RequestContext, now: Date): Promise<void> {
  if (input.holidayCountry && !isKnownHolidayCalendar(input.holidayCountry, null)) throw new DomainError("VALIDATION_FAILED", { field: "holidayCountry", reason: "NOT_A_COUNTRY" });
  if (input.holidayCountry && input.holidayRegion && !isKnownHolidayCalendar(input.holidayCountry, input.holidayRegion)) {
    throw new DomainError("VALIDATION_FAILED", { field: "holidayRegion", reason: "NOT_A_REGION" });
  }
  await db.$transaction(async (tx) => {
    await lockSupportSettings(tx);
    const before = await getSupportSettings(tx);
    await updateSupportSettingsRow(tx, { ...input, updatedById: actor.id });
    const changed = (Object.keys(input) as (keyof TUpdateSupportSettingsInput)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]));
    await recordAudit(tx, {
      action: "support_settings.updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "support_settings",
      targetId: "1",
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { fields: changed },
      at: now,
    });
  });
}
