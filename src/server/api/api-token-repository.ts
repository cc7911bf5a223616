import type { Db } from "@/server/db/types";

export async function insertApiToken(db: Db, data: { name: string; tokenHash: string; prefix: string; createdById: string | null; createdAt: Date }) {
  return db.apiToken.create({ data, select: { id: true } });
}

/** A usable token by the hash of its secret, with the staff roles of whoever created it. */
export async function findActiveApiToken(db: Db, tokenHash: string) {
  return db.apiToken.findFirst({
    where: { tokenHash, revokedAt: null },
    select: { id: true, name: true, createdById: true },
  });
}

export async function touchApiToken(db: Db, tokenId: string, at: Date) {
  await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } });
}

export async function revokeApiTokenRow(db: Db, tokenId: string, at: Date) {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: at } });
  return count === 1;
}

export async function listApiTokens(db: Db) {
  return db.apiToken.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } });
}

export async function staffRolesOf(db: Db, userId: string) {
  const u = await db.user.findUnique({ where: { id: userId }, select: { kind: true, staffRoles: true, disabledAt: true, email: true, name: true } });
  return u && u.kind === "STAFF" && !u.disabledAt ? u : null;
}
