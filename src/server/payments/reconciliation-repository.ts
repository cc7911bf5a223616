import type { Prisma } from "@/generated/prisma/client";
import type { ReconciliationRunView } from "@/contracts/reconciliation";
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

const num = (v: unknown) => (typeof v === "number" ? v : 0);

/** The recent runs as DTOs: counts and findings read defensively (JSON columns). */
export async function recentReconciliationRunViews(db: Db, take = 30): Promise<ReconciliationRunView[]> {
  const runs = await recentReconciliationRuns(db, take);
  return runs.map((r) => {
    const c = (r.counts ?? {}) as Record<string, unknown>;
    const findings = Array.isArray(r.findings) ? (r.findings as Record<string, unknown>[]) : [];
    return {
      id: r.id,
      provider: r.provider,
      status: r.status,
      periodFrom: r.periodFrom.toISOString(),
      periodTo: r.periodTo.toISOString(),
      startedAt: r.startedAt.toISOString(),
      counts: {
        providerSucceeded: num(c.providerSucceeded),
        matched: num(c.matched),
        settled: num(c.settled),
        unknownAtUs: num(c.unknownAtUs),
        missingAtProvider: num(c.missingAtProvider),
      },
      findings: findings.map((f) => ({
        kind: f.kind as ReconciliationRunView["findings"][number]["kind"],
        intentId: typeof f.intentId === "string" ? f.intentId : null,
        checkoutId: typeof f.checkoutId === "string" ? f.checkoutId : null,
        amountMinor: num(f.amountMinor),
        currency: typeof f.currency === "string" ? f.currency : "",
      })),
    };
  });
}
