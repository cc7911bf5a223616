import type { TUpdateCompanySettingsInput } from "@/contracts/company-settings";
import { checkLogo } from "@/domain/settings/logo-image";
import { DomainError } from "@/domain/shared/domain-error";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { type CompanySettingsWrite, findCompanySettingsRow, upsertCompanySettingsRow } from "@/server/settings/company-settings-repository";

/**
 * An admin saves Settings → Company. A new logo replaces the old one (checked by its bytes);
 * `removeLogo` goes back to the default. The audit event lists the changed fields, not their
 * values (bank details do not belong in an audit trail read by every admin).
 */
export async function updateCompanySettings(
  db: RootDb,
  actor: StaffActor,
  input: TUpdateCompanySettingsInput,
  logoUpload: Uint8Array | null,
  ctx: RequestContext,
  now: Date,
): Promise<void> {
  const { latePenaltyRate, removeLogo, ...fields } = input;
  let logo: Pick<CompanySettingsWrite, "logo" | "logoMimeType"> = {};
  if (logoUpload) {
    const check = checkLogo(logoUpload);
    if (!check.ok) throw new DomainError("INVALID_LOGO", { reason: check.reason });
    logo = { logo: new Uint8Array(logoUpload), logoMimeType: check.mimeType };
  } else if (removeLogo) {
    logo = { logo: null, logoMimeType: null };
  }
  const data: CompanySettingsWrite = { ...fields, latePenaltyRateBp: latePenaltyRate, ...logo, updatedById: actor.id };
  await db.$transaction(async (tx) => {
    const before = await findCompanySettingsRow(tx);
    await upsertCompanySettingsRow(tx, data);
    const changed = Object.keys(data).filter((k) => k !== "updatedById" && (!before || !sameValue(before[k as keyof typeof before], data[k as keyof typeof data])));
    await recordAudit(tx, {
      action: "company_settings.updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "company_settings",
      targetId: "1",
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { fields: changed },
      at: now,
    });
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  return a === b || (a == null && b == null);
}
