import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";

/**
 * A run that has not beaten its heart for this long belongs to a process that died: it is failed and
 * replaced. Two minutes (a batch takes well under a second); BILLING_RUN_LEASE_SECONDS shortens it for
 * the crash tests.
 */
export const BILLING_RUN_LEASE_MS = Number(process.env.BILLING_RUN_LEASE_SECONDS ?? 120) * 1000;

export interface BillingRunRow {
  id: string;
  asOf: Date;
  dryRun: boolean;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  counts: Prisma.JsonValue;
  errors: Prisma.JsonValue;
  requestedBy: string;
  createdAt: Date;
  startedAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
  customersTotal: number | null;
  customersDone: number;
}

/**
 * Fails the active run whose lease ran out (its process crashed), so a new run may start. The
 * heartbeat of a live run is newer, so this never touches it.
 */
export async function failStaleRuns(db: Db, now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - BILLING_RUN_LEASE_MS);
  return db.$executeRaw`
    UPDATE billing_runs SET status = 'FAILED', finished_at = ${now},
      errors = errors || jsonb_build_array(jsonb_build_object('customerId', null, 'code', 'RUN_ABANDONED'))
    WHERE status IN ('QUEUED', 'RUNNING') AND COALESCE(heartbeat_at, created_at) < ${staleBefore}`;
}

/**
 * Queues a run, or returns null when another run is queued or running: the partial unique index
 * billing_runs_one_active decides, whichever process or instance asks (ON CONFLICT DO NOTHING).
 */
export async function insertQueuedRun(db: Db, run: { asOf: Date; dryRun: boolean; requestedBy: string; now: Date }): Promise<BillingRunRow | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO billing_runs (id, as_of, dry_run, status, requested_by, created_at, heartbeat_at)
    VALUES (gen_random_uuid(), ${run.asOf}::date, ${run.dryRun}, 'QUEUED', ${run.requestedBy}, ${run.now}, ${run.now})
    ON CONFLICT DO NOTHING
    RETURNING id::text AS id`;
  const id = rows[0]?.id;
  return id ? findRun(db, id) : null;
}

export async function findRun(db: Db, id: string): Promise<BillingRunRow | null> {
  return db.billingRun.findUnique({ where: { id } }) as Promise<BillingRunRow | null>;
}

export async function findActiveRun(db: Db): Promise<BillingRunRow | null> {
  return db.billingRun.findFirst({ where: { status: { in: ["QUEUED", "RUNNING"] } } }) as Promise<BillingRunRow | null>;
}

/**
 * Moves a queued run to RUNNING and counts the customers it will read (the back-office's progress
 * bar); false when it is no longer queued (another worker took it).
 */
export async function markRunning(db: Db, id: string, now: Date): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE billing_runs SET status = 'RUNNING', started_at = ${now}, heartbeat_at = ${now}, customers_done = 0,
      customers_total = (SELECT count(*)::int FROM customers)
    WHERE id = ${id}::uuid AND status = 'QUEUED'`;
  return count === 1;
}

/** Keeps the lease and reports progress while the run works; false when the run was failed meanwhile (it must stop). */
export async function beatHeart(db: Db, id: string, now: Date, counts: Record<string, number>, customersDone: number): Promise<boolean> {
  const { count } = await db.billingRun.updateMany({ where: { id, status: "RUNNING" }, data: { heartbeatAt: now, counts, customersDone } });
  return count === 1;
}

export async function finishRun(db: Db, id: string, data: { status: "SUCCEEDED" | "FAILED"; counts: Record<string, number>; errors: Prisma.InputJsonValue; now: Date }) {
  await db.billingRun.updateMany({ where: { id, status: "RUNNING" }, data: { status: data.status, counts: data.counts, errors: data.errors, finishedAt: data.now, heartbeatAt: data.now } });
}

/** Runs newest first, by cursor (billing_runs_created_at_id_idx serves the order). */
export async function listRuns(db: Db, page: PageRequest): Promise<CursorPage<BillingRunRow>> {
  return readKeysetPage<BillingRunRow>(
    db,
    {
      table: "billing_runs",
      idType: "uuid",
      key: ["t.created_at", "t.id"],
      order: "DESC",
      select: Prisma.sql`t.id::text AS id, t.as_of AS "asOf", t.dry_run AS "dryRun", t.status::text AS status, t.counts, t.errors, t.requested_by AS "requestedBy",
        t.created_at AS "createdAt", t.started_at AS "startedAt", t.heartbeat_at AS "heartbeatAt", t.finished_at AS "finishedAt",
        t.customers_total AS "customersTotal", t.customers_done AS "customersDone"`,
      scope: [],
      filters: [],
    },
    page,
  );
}
