import type { SavedMethodKind } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export interface SavedMethodRow {
  id: string;
  customerId: string;
  provider: string;
  providerMethodId: string;
  kind: SavedMethodKind;
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  bankName: string | null;
  isDefault: boolean;
  createdAt: Date;
}

const METHOD = {
  id: true,
  customerId: true,
  provider: true,
  providerMethodId: true,
  kind: true,
  brand: true,
  last4: true,
  expMonth: true,
  expYear: true,
  bankName: true,
  isDefault: true,
  createdAt: true,
} as const;

/**
 * Serialises changes to one customer's methods for the rest of the transaction, so "the first one
 * becomes the default" and "one default" hold when two methods are saved at once.
 */
export async function lockCustomerMethods(db: Db, customerId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payment-methods:${customerId}`}, 0))`;
}

/** The customer's methods that were not removed, newest first. */
export const listSavedMethods = (db: Db, customerId: string): Promise<SavedMethodRow[]> =>
  db.savedPaymentMethod.findMany({
    where: { customerId, removedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: METHOD,
  });

/** One of the caller's methods that was not removed (another company's is not found). */
export const findSavedMethod = (db: Db, customerId: string, id: string): Promise<SavedMethodRow | null> =>
  db.savedPaymentMethod.findFirst({ where: { id, customerId, removedAt: null }, select: METHOD });

export const findSavedMethodByProviderId = (
  db: Db,
  provider: string,
  providerMethodId: string,
): Promise<SavedMethodRow | null> =>
  db.savedPaymentMethod.findUnique({
    where: { provider_providerMethodId: { provider, providerMethodId } },
    select: METHOD,
  });

/** Saves a method once per provider id (a second report of the same setup writes nothing). */
export async function insertSavedMethod(
  db: Db,
  m: Omit<SavedMethodRow, "id">,
): Promise<void> {
  await db.savedPaymentMethod.createMany({ data: [m], skipDuplicates: true });
}

/** Makes `id` the customer's only default (the caller holds lockCustomerMethods). */
export async function makeDefaultMethod(db: Db, customerId: string, id: string): Promise<void> {
  await db.savedPaymentMethod.updateMany({
    where: { customerId, isDefault: true, NOT: { id } },
    data: { isDefault: false },
  });
  await db.savedPaymentMethod.update({ where: { id }, data: { isDefault: true } });
}

export async function markMethodRemoved(db: Db, id: string, at: Date): Promise<void> {
  await db.savedPaymentMethod.update({ where: { id }, data: { removedAt: at, isDefault: false } });
}
