import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

export const insertReconciliationRun = (
  db: Db,
  r: { provider: string; periodFrom: Date; periodTo: Date; startedAt: Date },
) => db.reconciliationRun.create({ data: { ...r, status: "RUNNING" }, select: { id: true } });

export async function finishReconciliationRun(
  db: Db,
  id: string,
  r: {
    status: "SUCCEEDED" | "FAILED";
    counts: Prisma.InputJsonObject;
    findings: Prisma.InputJsonArray;
    finishedAt: Date;
  },
): Promise<void> {
  await db.reconciliationRun.update({ where: { id }, data: r });
}

/** Our settled checkouts of a provider created in [from, to): each should be a succeeded intent there. */
export const settledCheckoutsBetween = (db: Db, provider: string, from: Date, to: Date) =>
  db.checkout.findMany({
    where: { provider, status: "SUCCEEDED", createdAt: { gte: from, lt: to } },
    select: { id: true, customerId: true, providerIntentId: true, amountMinor: true, currency: true },
    orderBy: { createdAt: "asc" },
  });

/** The inbox row of an event (the one reconciliation stores for a lost success). */
export async function inboxIdOf(db: Db, provider: string, eventId: string): Promise<bigint | null> {
  const row = await db.paymentWebhookEvent.findUnique({
    where: { provider_eventId: { provider, eventId } },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Reconciliation runs, newest first, for the back-office (a short page: one a day). */
export const recentReconciliationRuns = (db: Db, take: number) =>
  db.reconciliationRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take });
