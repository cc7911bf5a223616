import { normalizeEmail } from "@/domain/auth/password-policy";
import { tokenExpiry } from "@/domain/auth/single-use-token";
import { isLocale } from "@/domain/i18n/locales";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import { countRecentResetTokens, lockResetRequests } from "@/server/auth/reset-token-repository";
import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { insertAuthToken } from "@/server/invitations/invitation-repository";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { findUserForSignIn } from "@/server/users/user-repository";

/** At most this many reset e-mails per account per hour, so the form cannot be used to spam someone. */
export const MAX_RESETS_PER_HOUR = 3;

/**
 * Every request takes at least this long, whether or not the address has an account, so response
 * times do not tell which e-mails are registered (the real work takes a few milliseconds).
 */
export const RESET_REQUEST_MIN_MS = 250;

/** The monotonic clock and the sleep the padding uses; tests pass fakes. */
export interface PaddingClock {
  elapsedMs(): number;
  sleep(ms: number): Promise<void>;
}

const realClock = (): PaddingClock => {
  const start = performance.now();
  return {
    elapsedMs: () => performance.now() - start,
    // A timer may fire a fraction of a millisecond early (it counts whole milliseconds): wait again
    // until the monotonic clock has really moved on by `ms`.
    sleep: async (ms) => {
      const until = performance.now() + ms;
      for (let left = ms; left > 0; left = until - performance.now()) await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
    },
  };
};

/**
 * "Forgot password". Always resolves the same way, after the same minimum time, whether or not the
 * address has an account, so the answer reveals nothing; only real, enabled accounts get an e-mail.
 * The hourly cap is checked and the token written under an advisory lock on the address, so
 * concurrent requests cannot overshoot it.
 */
export async function requestPasswordReset(
  db: RootDb,
  rawEmail: string,
  ctx: RequestContext,
  now: Date,
  clock: PaddingClock = realClock(),
): Promise<void> {
  const email = normalizeEmail(rawEmail);
  try {
    await db.$transaction(
      async (tx) => {
        await lockResetRequests(tx, email);
        const user = await findUserForSignIn(tx, email);
        await recordAudit(tx, { action: "auth.password_reset.requested", actorEmail: email, ip: ctx.ip, userAgent: ctx.userAgent, at: now });
        if (!user || user.disabledAt) return;
        const since = new Date(now.getTime() - 60 * 60 * 1000);
        if ((await countRecentResetTokens(tx, user.id, since)) >= MAX_RESETS_PER_HOUR) return;

        const token = generateSecretToken();
        const expiresAt = tokenExpiry("PASSWORD_RESET", now);
        const row = await insertAuthToken(tx, {
          purpose: "PASSWORD_RESET",
          tokenHash: hashSecretToken(token),
          expiresAt,
          createdAt: now,
          userId: user.id,
        });
        const link = `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`;
        const locale = isLocale(user.locale) ? user.locale : "en";
        await enqueueEmail(tx, email, locale, { template: "passwordReset", params: { name: email, link, expiresAt } }, `reset-token:${row.id}`, now);
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
  } finally {
    const rest = RESET_REQUEST_MIN_MS - clock.elapsedMs();
    if (rest > 0) await clock.sleep(rest);
  }
}
