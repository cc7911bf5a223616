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
