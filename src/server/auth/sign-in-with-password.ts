import { decideSignInThrottle, THROTTLE_POLICY } from "@/domain/auth/throttle";
import { normalizeEmail } from "@/domain/auth/password-policy";
import { DomainError } from "@/domain/shared/domain-error";
import type { RequestContext } from "@/server/audit/audit-repository";
import { recordAudit } from "@/server/audit/audit-repository";
import { burnPasswordCheck, verifyPassword } from "@/server/auth/password-hashing";
import { recentSignInFailures, recordSignInAttempt } from "@/server/auth/sign-in-attempt-repository";
import type { Db } from "@/server/db/types";
import { findUserForSignIn } from "@/server/users/user-repository";

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignedIn {
  userId: string;
  sessionVersion: number;
  locale: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an e-mail and password. Returns null for a wrong pair (never saying which half was wrong),
 * throws SIGN_IN_THROTTLED when the account or the address has failed too often. Every attempt is
 * recorded for throttling and in the audit log.
 */
export async function signInWithPassword(
  db: Db,
  input: SignInInput,
  ctx: RequestContext,
  now: Date,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<SignedIn | null> {
  const email = normalizeEmail(input.email);
  const ip = ctx.ip ?? "unknown";
  const since = new Date(now.getTime() - THROTTLE_POLICY.windowMs);
  const decision = decideSignInThrottle(await recentSignInFailures(db, email, ip, since), now);
  const audit = { actorEmail: email, ip: ctx.ip, userAgent: ctx.userAgent, at: now };

  if (decision.kind === "refuse") {
    await recordAudit(db, { ...audit, action: "auth.sign_in.refused", details: { scope: decision.scope } });
    throw new DomainError("SIGN_IN_THROTTLED", { retryAt: decision.retryAt.toISOString() });
  }
  if (decision.delayMs > 0) await wait(decision.delayMs);

  const user = await findUserForSignIn(db, email);
  let ok = false;
  if (user?.passwordHash && !user.disabledAt) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  await recordSignInAttempt(db, { email, ip, succeeded: ok, at: now });
  await recordAudit(db, {
    ...audit,
    action: ok ? "auth.sign_in.succeeded" : "auth.sign_in.failed",
    actorUserId: ok ? user?.id : null,
  });
  return ok && user ? { userId: user.id, sessionVersion: user.sessionVersion, locale: user.locale } : null;
}
