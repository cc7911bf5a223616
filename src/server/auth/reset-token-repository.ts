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
