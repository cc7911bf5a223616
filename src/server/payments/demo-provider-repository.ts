import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export interface DemoIntentRow {
  id: string;
  kind: string;
  idempotencyKey: string;
  customerRef: string;
  amountMinor: bigint | null;
  currency: string | null;
  status: string;
  clientSecret: string;
  methodKinds: string[];
  saveMethod: boolean;
  methodId: string | null;
  methodKind: string | null;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  bankName: string | null;
  failureCode: string | null;
  metadata: Prisma.JsonValue;
  createdAt: Date;
  updatedAt: Date;
  detachedAt: Date | null;
}

export type NewDemoIntent = Omit<
  DemoIntentRow,
  | "methodId"
  | "methodKind"
  | "brand"
  | "last4"
  | "expMonth"
  | "expYear"
  | "bankName"
  | "failureCode"
  | "detachedAt"
  | "metadata"
> & {
  metadata: Record<string, string>;
};

/** One intent per idempotency key, as at Stripe: a repeated creation returns the first one. */
export async function insertDemoIntentIfAbsent(db: Db, row: NewDemoIntent): Promise<DemoIntentRow> {
  await db.demoProviderIntent.createMany({ data: [row], skipDuplicates: true });
  return db.demoProviderIntent.findUniqueOrThrow({ where: { idempotencyKey: row.idempotencyKey } });
}

export const findDemoIntent = (db: Db, id: string): Promise<DemoIntentRow | null> =>
  db.demoProviderIntent.findUnique({ where: { id } });

/** The intent that first confirmed a method (later off-session intents reuse its id). */
export const findDemoIntentByMethod = (db: Db, methodId: string): Promise<DemoIntentRow | null> =>
  db.demoProviderIntent.findFirst({ where: { methodId }, orderBy: { createdAt: "asc" } });

/** Locks an intent while it is confirmed, so two confirmations of one intent happen one after the other. */
export async function lockDemoIntent(db: Db, id: string): Promise<DemoIntentRow | null> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM demo_provider_intents WHERE id = ${id} FOR UPDATE`;
  return rows[0] ? findDemoIntent(db, id) : null;
}

export async function updateDemoIntent(
  db: Db,
  id: string,
  data: Partial<
    Pick<
      DemoIntentRow,
      | "status"
      | "methodId"
      | "methodKind"
      | "brand"
      | "last4"
      | "expMonth"
      | "expYear"
      | "bankName"
      | "failureCode"
      | "updatedAt"
      | "detachedAt"
    >
  >,
): Promise<DemoIntentRow> {
  return db.demoProviderIntent.update({ where: { id }, data });
}

export async function detachDemoMethod(db: Db, methodId: string, at: Date): Promise<void> {
  await db.demoProviderIntent.updateMany({ where: { methodId, detachedAt: null }, data: { detachedAt: at } });
}

/** Succeeded payments created in [from, to), oldest first, a page after `after` (by id). */
export async function listDemoSucceeded(
  db: Db,
  from: Date,
  to: Date,
  after: string | null,
  take: number,
): Promise<DemoIntentRow[]> {
  return db.demoProviderIntent.findMany({
    where: {
      kind: "payment",
      status: "SUCCEEDED",
      createdAt: { gte: from, lt: to },
      ...(after ? { id: { gt: after } } : {}),
    },
    orderBy: { id: "asc" },
    take,
  });
}
