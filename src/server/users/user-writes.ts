import type { CustomerRole } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export async function createCustomerUser(
  db: Db,
  data: { email: string; name: string; passwordHash: string; customerId: string; customerRole: CustomerRole; locale: string },
) {
  return db.user.create({ data: { ...data, kind: "CUSTOMER" }, select: { id: true } });
}

/** Sets a new password and invalidates every existing session of the user. */
export async function replacePassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

export async function insertStaffUser(db: Db, data: { email: string; name: string; staffRoles: ("ADMIN" | "BILLING" | "SUPPORT")[]; locale: string }) {
  return db.user.create({ data: { ...data, kind: "STAFF" }, select: { id: true } });
}

export async function staffUserRoles(db: Db, userId: string) {
  const u = await db.user.findFirst({ where: { id: userId, kind: "STAFF" }, select: { staffRoles: true } });
  return u?.staffRoles ?? null;
}

/** `endSessions` bumps the session version, which signs the person out everywhere. */
export async function setStaffRoles(db: Db, userId: string, roles: ("ADMIN" | "BILLING" | "SUPPORT")[], endSessions: boolean) {
  await db.user.update({ where: { id: userId }, data: { staffRoles: roles, ...(endSessions ? { sessionVersion: { increment: 1 } } : {}) } });
}
