import { normalizeEmail } from "@/domain/auth/password-policy";
import type { StaffRoleName } from "@/domain/auth/roles";
import { tokenExpiry } from "@/domain/auth/single-use-token";
import type { Locale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { insertAuthToken } from "@/server/invitations/invitation-repository";
import { emailIsRegistered } from "@/server/users/user-repository";
import { insertStaffUser } from "@/server/users/user-writes";

/**
 * Creates a staff account without a password and returns a one-hour link to choose one (the
 * password-reset mechanism). Used from the shell to bootstrap the first admin of an installation.
 */
export async function createStaffUser(
  db: RootDb,
  input: { email: string; name: string; roles: StaffRoleName[]; locale: Locale },
  now: Date,
): Promise<{ userId: string; setupLink: string }> {
  const email = normalizeEmail(input.email);
  if (input.roles.length === 0) throw new DomainError("VALIDATION_FAILED", { field: "roles", reason: "AT_LEAST_ONE" });
  return db.$transaction(async (tx) => {
    if (await emailIsRegistered(tx, email)) throw new DomainError("EMAIL_ALREADY_REGISTERED");
    const { id } = await insertStaffUser(tx, { email, name: input.name.trim(), staffRoles: input.roles, locale: input.locale });
    const token = generateSecretToken();
    await insertAuthToken(tx, { purpose: "PASSWORD_RESET", tokenHash: hashSecretToken(token), expiresAt: tokenExpiry("PASSWORD_RESET", now), createdAt: now, userId: id });
    await recordAudit(tx, { action: "staff.created", actorEmail: "shell", targetType: "user", targetId: id, details: { email, roles: input.roles }, at: now });
    return { userId: id, setupLink: `${appUrl()}/reset-password?token=${encodeURIComponent(token)}` };
  });
}
