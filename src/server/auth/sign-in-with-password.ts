import { normalizeEmail } from "@/domain/auth/password-policy";
import { decideSignInThrottle, THROTTLE_POLICY, type ThrottleDecision } from "@/domain/auth/throttle";
import { DomainError } from "@/domain/shared/domain-error";
import type { RequestContext } from "@/server/audit/audit-repository";
import { recordAudit } from "@/server/audit/audit-repository";
import { checkPortalAccess } from "@/server/customer-groups/check-portal-access";
import { burnPasswordCheck, verifyPassword } from "@/server/auth/password-hashing";
import {
  lockSignInBuckets,
  markSignInAttemptSucceeded,
  recentSignInFailures,
  reserveSignInAttempt,
} from "@/server/auth/sign-in-attempt-repository";
import type { RootDb } from "@/server/db/types";
import { findUserForSignIn } from "@/server/users/user-repository";

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignedIn {
  userId: string;
  sessionVersion: number;
  locale: string;
  /** Set when the user turned on two-factor authentication: a code is still needed for a session. */
  totpEnabledAt: Date | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an e-mail and password. Returns null for a wrong pair (never saying which half was wrong),
 * throws SIGN_IN_THROTTLED when the account or the address has failed too often.
 *
 * The attempt is decided and counted atomically before the password is checked: a short transaction
 * takes advisory locks on the account and on the client address, counts the recent failures, and
 * either refuses or records this attempt as a failure. Only then is the password verified, and a
 * good one turns the row into a success. So however many attempts arrive at once, at most
 * `accountLockAfter` passwords are ever checked per account and window. Without a known client
 * address (see client-address.ts) only the account bucket applies. A customer user whose company's
 * group has the portal turned off gets PORTAL_DISABLED (after a right password only).
 */
export async function signInWithPassword(
  db: RootDb,
  input: SignInInput,
  ctx: RequestContext,
  now: Date,
  wait: (ms: number) => Promise<void> = sleep,
  verify: (hash: string, plain: string) => Promise<boolean> = verifyPassword,
): Promise<SignedIn | null> {
  const email = normalizeEmail(input.email);
  const ip = ctx.ip || null;
  const since = new Date(now.getTime() - THROTTLE_POLICY.windowMs);
  const audit = { actorEmail: email, ip, userAgent: ctx.userAgent, at: now };

  const reserved = await db.$transaction(
    async (tx): Promise<{ decision: ThrottleDecision; attemptId: bigint | null }> => {
      await lockSignInBuckets(tx, email, ip);
      const decision = decideSignInThrottle(await recentSignInFailures(tx, email, ip, since), now);
      if (decision.kind === "refuse") {
        await recordAudit(tx, { ...audit, action: "auth.sign_in.refused", details: { scope: decision.scope } });
        return { decision, attemptId: null };
      }
      return { decision, attemptId: await reserveSignInAttempt(tx, { email, ip, at: now }) };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  const { decision, attemptId } = reserved;
  if (decision.kind === "refuse" || attemptId === null) {
    throw new DomainError("SIGN_IN_THROTTLED", { retryAt: decision.kind === "refuse" ? decision.retryAt.toISOString() : now.toISOString() });
  }
  if (decision.delayMs > 0) await wait(decision.delayMs);

  const user = await findUserForSignIn(db, email);
  let ok = false;
  if (user?.passwordHash && !user.disabledAt) ok = await verify(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  if (ok) await markSignInAttemptSucceeded(db, attemptId);
  // Only after the right password: a wrong one must not learn that the company's portal is closed.
  if (ok && user?.kind === "CUSTOMER" && user.customerId && (await checkPortalAccess(db, { id: user.id, customerId: user.customerId })).kind === "disabled") {
    await recordAudit(db, { ...audit, action: "auth.sign_in.portal_disabled", actorUserId: user.id, customerId: user.customerId });
    throw new DomainError("PORTAL_DISABLED");
  }
  await recordAudit(db, {
    ...audit,
    // With two-factor authentication the sign-in is only complete once the code is accepted.
    action: ok ? (user?.totpEnabledAt ? "auth.sign_in.password_accepted" : "auth.sign_in.succeeded") : "auth.sign_in.failed",
    actorUserId: ok ? user?.id : null,
  });
  return ok && user ? { userId: user.id, sessionVersion: user.sessionVersion, locale: user.locale, totpEnabledAt: user.totpEnabledAt } : null;
}
