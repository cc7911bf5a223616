import { tokenExpiry } from "@/domain/auth/single-use-token";
import type { Locale } from "@/domain/i18n/locales";
import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { Db } from "@/server/db/types";
import { insertAuthToken, revokeInvitationTokens } from "@/server/invitations/invitation-repository";
import { enqueueEmail } from "@/server/mail/enqueue-email";

/**
 * Issues a fresh single-use link for an invitation and e-mails it; any earlier link stops working.
 * Shared by "invite" and "re-send" so both always behave the same.
 */
export async function sendInvitationLink(
  db: Db,
  invitation: { id: string; email: string; locale: Locale; companyName: string; inviterName: string },
  now: Date,
): Promise<void> {
  await revokeInvitationTokens(db, invitation.id, now);
  const token = generateSecretToken();
  const expiresAt = tokenExpiry("INVITATION", now);
  const row = await insertAuthToken(db, {
    purpose: "INVITATION",
    tokenHash: hashSecretToken(token),
    expiresAt,
    createdAt: now,
    invitationId: invitation.id,
  });
  const link = `${appUrl()}/invitation?token=${encodeURIComponent(token)}`;
  await enqueueEmail(
    db,
    invitation.email,
    invitation.locale,
    { template: "invitation", params: { companyName: invitation.companyName, inviterName: invitation.inviterName, link, expiresAt } },
    `invitation-token:${row.id}`,
    now,
  );
}
