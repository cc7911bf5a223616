import type { Db } from "@/server/db/types";

export async function countRecentResetTokens(db: Db, userId: string, since: Date): Promise<number> {
  return db.authToken.count({ where: { userId, purpose: "PASSWORD_RESET", createdAt: { gt: since } } });
}

/** After a successful reset, every other outstanding reset link of the user stops working. */
export async function revokeUserResetTokens(db: Db, userId: string, at: Date): Promise<void> {
  await db.authToken.updateMany({
    where: { userId, purpose: "PASSWORD_RESET", usedAt: null, revokedAt: null },
    data: { revokedAt: at },
  });
}

/** Serialises reset requests for one e-mail address until the caller's transaction ends. */
export async function lockResetRequests(db: Db, email: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(${41_003}::int4, hashtext(${email}))`;
}
