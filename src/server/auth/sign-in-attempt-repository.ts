import type { RecentFailures } from "@/domain/auth/throttle";
import type { Db } from "@/server/db/types";

/** Advisory-lock namespaces (the first key of the two-key form): one per throttling bucket. */
const LOCK_ACCOUNT = 41_001;
const LOCK_ADDRESS = 41_002;

/**
 * Serialises sign-in decisions per account and per client address until the caller's transaction
 * ends. Always the account first, then the address: every transaction takes at most one of each in
 * that order, so two of them can never wait on each other (no deadlock).
 */
export async function lockSignInBuckets(db: Db, email: string, ip: string | null): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ACCOUNT}::int4, hashtext(${email}))`;
  if (ip) await db.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int4, hashtext(${ip}))`;
}

/** Failures (including attempts reserved but not yet found good) per account and per known address. */
export async function recentSignInFailures(db: Db, email: string, ip: string | null, since: Date): Promise<RecentFailures> {
  const [account, address] = await Promise.all([
    db.signInAttempt.aggregate({
      where: { email, succeeded: false, at: { gt: since } },
      _count: { _all: true },
      _max: { at: true },
    }),
    ip
      ? db.signInAttempt.aggregate({
          where: { ip, succeeded: false, at: { gt: since } },
          _count: { _all: true },
          _max: { at: true },
        })
      : null,
  ]);
  return {
    account: { count: account._count._all, last: account._max.at },
    address: { count: address?._count._all ?? 0, last: address?._max.at ?? null },
  };
}

/**
 * Records an attempt as a failure before the password is checked, so that concurrent attempts count
 * it at once; `markSignInAttemptSucceeded` turns it into a success afterwards.
 */
export async function reserveSignInAttempt(db: Db, a: { email: string; ip: string | null; at: Date }): Promise<bigint> {
  const row = await db.signInAttempt.create({ data: { email: a.email, ip: a.ip ?? "", succeeded: false, at: a.at }, select: { id: true } });
  return row.id;
}

export async function markSignInAttemptSucceeded(db: Db, id: bigint): Promise<void> {
  await db.signInAttempt.update({ where: { id }, data: { succeeded: true } });
}
