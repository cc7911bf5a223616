import type { CalendarDate } from "@/domain/billing/calendar-date";
import { DEFAULT_DUNNING_POLICY } from "@/domain/billing/dunning-policy";
import type { Db, RootDb } from "@/server/db/types";

/**
 * The shortest period a renewal can cover: one month. A subscription whose next period is already
 * claimed is invoiced at least this far past its current period's end.
 */
const SHORTEST_PERIOD_DAYS = 28;

/**
 * Chooses the customers a run dated `asOf` may have something to do for, in one set-based statement,
 * and keeps them for the run (billing_run_candidates), to be read back in id order a batch at a time.
 * Only these are read and planned: on a given day a few customers in a hundred have anything due.
 *
 * Every condition is a necessary condition of an action of planSchedule (renewal-schedule.ts) on the
 * state loadBillingState reads, written to over-include, never to miss:
 * - a live subscription whose period has ended by `asOf` (a period start is due, or a catch-up);
 * - an ACTIVE one whose renewal may be due to be issued: its next renewal date minus its group's lead
 *   days (the defaults without a group) is on or before `asOf`, the next renewal date being the
 *   current period's end, or at least 28 days later when that period is already claimed
 *   (renewal_claims is written with the issued invoice, in its transaction). A renewal held back
 *   by a suspension is issued on the reinstatement day, which comes after the normal issue day,
 *   so the same bound holds; a catch-up after days without runs only lowers the dates;
 * - an open invoice with a balance that the schedule reads (a line on a live subscription) and that
 *   may still have a reminder (not yet due) or a dunning step (not all three recorded) to come.
 *   Dunning is bounded by recorded steps, not by dates: a step that fell due days ago and was never
 *   applied is still found.
 *
 * Index-driven (EXPLAIN ANALYZE at 100,000 customers in ADR 0014): a range scan of the live
 * subscriptions by period end (partial covering index), the claims of the coming period starts
 * hashed once, the open invoices by status. JIT is off for the statement: its compilation costs
 * more than the statement itself. A run removes its rows when it succeeds; this removes those of
 * finished runs that did not (failed, crashed: failStaleRuns finishes them).
 */
export async function chooseRunCandidates(db: RootDb, runId: string, asOf: CalendarDate): Promise<number> {
  const defaultLead = DEFAULT_DUNNING_POLICY.renewalLeadDays;
  const [, , inserted] = await db.$transaction([
    db.$executeRaw`SET LOCAL jit = off`,
    db.$executeRaw`
      DELETE FROM billing_run_candidates c USING billing_runs r
      WHERE r.id = c.run_id AND r.id <> ${runId}::uuid AND r.finished_at IS NOT NULL`,
    db.$executeRaw`
      WITH p AS (
        SELECT ${asOf}::date AS d,
               GREATEST(${defaultLead}::int, COALESCE((SELECT max(renewal_lead_days) FROM customer_groups), 0)) AS max_lead
      )
      INSERT INTO billing_run_candidates (run_id, customer_id)
      SELECT DISTINCT ${runId}::uuid, x.customer_id FROM (
        SELECT t.customer_id FROM p, (
          -- When the renewal may come (a lower bound); OFFSET 0 keeps the claims hashed once.
          SELECT s.customer_id, s.status, s.current_period_end AS period_end,
                 CASE WHEN (s.id, s.current_period_end) IN (
                        SELECT rc.subscription_id, rc.period_start FROM renewal_claims rc, p
                        WHERE rc.period_start > p.d AND rc.period_start <= p.d + p.max_lead)
                      THEN s.current_period_end + ${SHORTEST_PERIOD_DAYS}::int ELSE s.current_period_end END AS renewal
          FROM p, subscriptions s
          WHERE s.status IN ('ACTIVE', 'SUSPENDED') AND s.current_period_end <= p.d + p.max_lead
          OFFSET 0
        ) t
        WHERE t.period_end <= p.d OR (t.status = 'ACTIVE' AND t.renewal <= p.d + p.max_lead
          -- The customer's own lead only for those the largest one lets through.
          AND t.renewal <= p.d + (SELECT COALESCE(g.renewal_lead_days, ${defaultLead}::int) FROM customers c
                                  LEFT JOIN customer_groups g ON g.id = c.group_id WHERE c.id = t.customer_id))
        UNION ALL
        SELECT i.customer_id FROM p, invoices i
        WHERE i.status = 'OPEN' AND i.gross_minor - i.paid_minor - i.credited_minor > 0
          AND EXISTS (SELECT 1 FROM invoice_lines l JOIN subscriptions s ON s.id = l.subscription_id
                      WHERE l.invoice_id = i.id AND l.period_start IS NOT NULL AND s.status IN ('ACTIVE', 'SUSPENDED'))
          AND (COALESCE(i.due_date, i.issue_date) >= p.d
               OR NOT ARRAY(SELECT e.details->>'step' FROM billing_events e WHERE e.invoice_id = i.id AND e.details ? 'step')
                      @> ARRAY['SUSPEND', 'SUSPEND_ALL', 'TERMINATE'])
      ) x
      ON CONFLICT DO NOTHING`,
  ]);
  return inserted;
}

/** The run's next candidates after `afterId`, in id order (the primary key serves it). */
export async function runCandidatesAfter(
  db: Db,
  runId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT customer_id::text AS id FROM billing_run_candidates
    WHERE run_id = ${runId}::uuid AND customer_id > COALESCE(${afterId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ORDER BY customer_id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * How many customers have an id after `afterId` and up to `throughId` (to the end when null): the
 * customers a batch of candidates went past, for the run's progress.
 */
export async function customersBetween(
  db: Db,
  afterId: string | null,
  throughId: string | null,
): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM customers
    WHERE id > COALESCE(${afterId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
      AND (${throughId}::uuid IS NULL OR id <= ${throughId}::uuid)`;
  return rows[0]?.n ?? 0;
}

export async function clearRunCandidates(db: Db, runId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM billing_run_candidates WHERE run_id = ${runId}::uuid`;
}
