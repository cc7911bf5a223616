import type { RecentFailures } from "@/domain/auth/throttle";
import type { Db } from "@/server/db/types";

const LOCK_SECOND_FACTOR = 41_004;

export interface TotpState {
  id: string;
  email: string;
  kind: "CUSTOMER" | "STAFF";
  staffRoles: ("ADMIN" | "BILLING" | "SUPPORT")[];
  sessionVersion: number;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  totpPendingSecret: string | null;
}

export async function findTotpState(db: Db, userId: string): Promise<TotpState | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      kind: true,
      staffRoles: true,
      sessionVersion: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastStep: true,
      totpPendingSecret: true,
      disabledAt: true,
    },
  });
  if (!u || u.disabledAt) return null;
  return { ...u, totpLastStep: u.totpLastStep === null ? null : Number(u.totpLastStep) };
}

/** Serialises second-factor checks of one user until the caller's transaction ends. */
export async function lockSecondFactor(db: Db, userId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SECOND_FACTOR}::int4, hashtext(${userId}))`;
}

export async function recentSecondFactorFailures(db: Db, userId: string, since: Date): Promise<RecentFailures> {
  const a = await db.secondFactorAttempt.aggregate({
    where: { userId, succeeded: false, at: { gt: since } },
    _count: { _all: true },
    _max: { at: true },
  });
  return { account: { count: a._count._all, last: a._max.at }, address: { count: 0, last: null } };
}

export async function recordSecondFactorAttempt(db: Db, a: { userId: string; succeeded: boolean; at: Date }): Promise<void> {
  await db.secondFactorAttempt.create({ data: a });
}

/** Records the step a code was accepted for; a later code must belong to a later step. */
export async function recordTotpStep(db: Db, userId: string, step: number): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { totpLastStep: BigInt(step) } });
}

export async function setPendingTotpSecret(db: Db, userId: string, secret: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { totpPendingSecret: secret } });
}

export async function enableTotp(db: Db, userId: string, secret: string, step: number, at: Date): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: secret, totpEnabledAt: at, totpLastStep: BigInt(step), totpPendingSecret: null },
  });
}

export async function disableTotp(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null } });
  await db.recoveryCode.deleteMany({ where: { userId } });
}

/** Replaces every recovery code of the user (used or not) with new ones, given hashed. */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[], at: Date): Promise<void> {
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: at })) });
}

/** Marks an unused recovery code as used; false when there is no such unused code. */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: at } });
  return count === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
