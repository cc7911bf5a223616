/**
 * Sign-in throttling: failures are counted per account (e-mail) and per client address over a sliding
 * window. A few failures slow the answer down (so scripted guessing gets expensive), more refuse sign-in
 * until the window has passed since the last failure. Successes do not erase failures: an attacker who
 * knows one password must not reset the counter for another account from the same address.
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60 * 1000,
  accountSlowAfter: 3,
  accountLockAfter: 5,
  addressSlowAfter: 10,
  addressLockAfter: 30,
  baseDelayMs: 500,
  maxDelayMs: 4000,
} as const;

export type ThrottlePolicy = { readonly [K in keyof typeof THROTTLE_POLICY]: number };

export interface RecentFailures {
  /** Failures for this e-mail inside the window, and the time of the newest. */
  account: { count: number; last: Date | null };
  /** Failures from this address inside the window, and the time of the newest. */
  address: { count: number; last: Date | null };
}

export type ThrottleDecision =
  | { kind: "allow"; delayMs: number }
  | { kind: "refuse"; retryAt: Date; scope: "account" | "address" };

function delayFor(count: number, slowAfter: number, p: ThrottlePolicy): number {
  if (count < slowAfter) return 0;
  return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (count - slowAfter));
}

export function decideSignInThrottle(
  failures: RecentFailures,
  now: Date,
  policy: ThrottlePolicy = THROTTLE_POLICY,
): ThrottleDecision {
  const checks = [
    { scope: "account" as const, ...failures.account, lockAfter: policy.accountLockAfter },
    { scope: "address" as const, ...failures.address, lockAfter: policy.addressLockAfter },
  ];
  for (const c of checks) {
    if (c.count >= c.lockAfter && c.last) {
      const retryAt = new Date(c.last.getTime() + policy.windowMs);
      if (retryAt > now) return { kind: "refuse", retryAt, scope: c.scope };
    }
  }
  const delayMs = Math.max(
    delayFor(failures.account.count, policy.accountSlowAfter, policy),
    delayFor(failures.address.count, policy.addressSlowAfter, policy),
  );
  return { kind: "allow", delayMs };
}

/** Whole minutes until `retryAt`, at least 1, for the message shown to the person. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
