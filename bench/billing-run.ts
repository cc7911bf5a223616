// Benchmark: the daily billing run at N customers, through the real use-case (startBillingRun +
// executeBillingRun, what `npm run billing` calls), next to its floor: the same rows the run wrote
// (counted from the database), written by one raw INSERT … SELECT unnest(…) per table, on the same
// database in the same run (bench/lib/billing-floor.ts). The older, narrower floor (only as many
// draft invoices and lines) is kept beside it for comparison.
//   npx tsx --expose-gc bench/billing-run.ts [N …] [--days=30] [--repeat=3]   (N: 10000 and 100000)
// Each N runs in a process of its own, and gets `--repeat` (3) fresh databases, each seeded with
// set-based SQL (bench/lib/billing-seed.ts) as of the day before AS_OF, whose run goes first: in the
// first repetition, the first run in a fresh process (as `npm run billing` from cron runs it),
// measured against its own floor as `firstRunInProcess`. Then AS_OF's run, the one-day measurement:
// the same process runs it the next day, as the job worker of `npm start` runs every day after the
// first (JIT-compiled code, holiday tables, Intl formatters and query plans already made); the median
// repetition's is reported, every one's is listed. Then, on the last database, a daily sequence of
// `--days` runs with 90 % of each day's new invoices paid after its run. --expose-gc adds the heap a
// run keeps (after a full collection). Writes bench/results/billing-run.json (merged by N).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { Client } from "pg";
import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { createPrismaClient } from "@/server/db/client";
import { createFreshDatabase } from "../tools/lib/test-database.mjs";
import { honestFloor, runRows } from "./lib/billing-floor";
import { SEED_STEPS, seedBillingCustomers } from "./lib/billing-seed";
import { progress } from "./lib/progress";

const sizes = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const NS = sizes.length ? sizes : [10_000, 100_000];
const DAYS = Number(process.argv.find((a) => a.startsWith("--days="))?.split("=")[1] ?? 30);
/** Fresh databases per N: the one-day figures are the median repetition's (single runs vary on a shared machine). */
const REPEAT = Number(process.argv.find((a) => a.startsWith("--repeat="))?.split("=")[1] ?? 3);
const AS_OF = "2027-03-01" as CalendarDate;
/** The seed's day and the first run's: the day before AS_OF. */
const FIRST_DAY = addDays(AS_OF, -1);
const RESULTS = "bench/results/billing-run.json";

/** Peak resident memory of this process while `work` runs (sampled every 20 ms), in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

type Db = ReturnType<typeof createPrismaClient>;

/**
 * The heap still in use after a full collection (with --expose-gc; null without): what a run keeps,
 * as opposed to the peak RSS, which also counts garbage not collected yet and memory the process
 * has not given back. Flat in N means this does not grow with the number of customers or days.
 */
function retainedHeapMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
}

async function runDay(db: Db, asOf: CalendarDate, customers: number, label: string | null) {
  const at = new Date(`${asOf}T05:00:00Z`);
  const run = await startBillingRun(db, { asOf, dryRun: false, requestedBy: "bench" }, asOf, at, true);
  const bar = label ? progress(`${label} (customers)`, customers) : null;
  const t = performance.now();
  const result = await executeBillingRun(
    db,
    run.id,
    () => at,
    (n) => bar?.to(n, ""),
  );
  const ms = performance.now() - t;
  if (result?.status !== "SUCCEEDED") throw new Error(`run ${asOf} ended ${result?.status}`);
  return { ms, counts: result.counts, errors: result.errors.length, runId: run.id, at, retainedHeapMb: retainedHeapMb() };
}

/**
 * The narrower floor of earlier results: `invoices` draft invoices and `lines` lines shaped like the run's (the same columns),
 * each table in one INSERT … SELECT FROM unnest(…) of arrays built beforehand, committed; then
 * deleted so the daily sequence starts from the seeded state.
 */
async function invoicesAndLinesFloor(pg: Client, invoices: number, lines: number) {
  const { rows } = await pg.query<{ customer: string; subscription: string; product: string }>(
    "SELECT customer_id::text AS customer, id::text AS subscription, product_id::text AS product FROM subscriptions LIMIT $1",
    [Math.max(1, lines)],
  );
  const invoiceIds = Array.from({ length: invoices }, () => randomUUID());
  const customerIds = invoiceIds.map((_, i) => rows[i % rows.length]?.customer);
  const lineInvoice = Array.from({ length: lines }, (_, i) => invoiceIds[i % invoices]);
  const position = Array.from({ length: lines }, (_, i) => 1 + Math.floor(i / invoices));
  const lineSub = Array.from({ length: lines }, (_, i) => rows[i % rows.length]?.subscription);
  const lineProduct = Array.from({ length: lines }, (_, i) => rows[i % rows.length]?.product);
  const t = performance.now();
  await pg.query("BEGIN");
  await pg.query(
    `INSERT INTO invoices (id, customer_id, status, currency, net_minor, tax_minor, gross_minor, created_at)
     SELECT id, c, 'DRAFT', 'EUR', 9900, 1980, 11880, now() FROM unnest($1::uuid[], $2::uuid[]) AS x(id, c)`,
    [invoiceIds, customerIds],
  );
  await pg.query(
    `INSERT INTO invoice_lines (id, invoice_id, position, description, product_id, subscription_id, quantity, unit_amount_minor, net_minor, tax_rate_bp, period_start, period_end)
     SELECT gen_random_uuid(), i, p, 'Serveur', pr, s, 1, 9900, 9900, 2000, DATE '2027-03-16', DATE '2027-04-16'
     FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[]) AS x(i, p, s, pr)`,
    [lineInvoice, position, lineSub, lineProduct],
  );
  await pg.query("COMMIT");
  const ms = performance.now() - t;
  await pg.query("DELETE FROM invoices WHERE id = ANY($1::uuid[])", [invoiceIds]);
  await pg.query("VACUUM ANALYZE invoices, invoice_lines");
  return ms;
}

/**
 * One repetition on a fresh database: the seed (as of FIRST_DAY), FIRST_DAY's run and its floor, then
 * AS_OF's run and its floor. The database stays open for the caller (the last repetition goes on
 * with the daily sequence).
 */
async function repetition(n: number, rep: number) {
  const database = await createFreshDatabase("comptoir_bench_billing");
  const db = createPrismaClient(database.url);
  const pg = new Client({ connectionString: database.url });
  await pg.connect();
  const close = async () => {
    await pg.end();
    await db.$disconnect();
    await database.drop();
  };
  try {
    const seedBar = progress(`#${rep} seeding ${n.toLocaleString("en")} customers`, SEED_STEPS);
    const t0 = performance.now();
    await seedBillingCustomers(pg, n, FIRST_DAY, (step) => seedBar.tick(step));
    const seedMs = performance.now() - t0;
    // The seed leaves hundreds of MB of WAL and dirty pages: a checkpoint now, not in the middle of
    // the measured run (and one before the floor), so that neither pays for the seed's writes.
    await pg.query("CHECKPOINT");
    const subscriptions = Number((await pg.query("SELECT count(*) AS n FROM subscriptions")).rows[0].n);

    const first = await runDay(db, FIRST_DAY, n, `#${rep} ${rep === 1 ? "first run in the process" : "the day before"} (${FIRST_DAY})`);
    await pg.query("CHECKPOINT");
    const firstFloor = await honestFloor(pg, first.runId, first.at);
    await pg.query("CHECKPOINT");

    const oneDay = await withPeakRss(() => runDay(db, AS_OF, n, `#${rep} one day (${AS_OF})`));
    const written = await runRows(pg, oneDay.value.runId, oneDay.value.at);
    await pg.query("CHECKPOINT");
    const floor = await honestFloor(pg, oneDay.value.runId, oneDay.value.at);
    const narrowFloorMs = await invoicesAndLinesFloor(pg, oneDay.value.counts.invoicesCreated, oneDay.value.counts.linesCreated);
    return { db, pg, close, seedMs, subscriptions, first, firstFloor, oneDay, written, floor, narrowFloorMs };
  } catch (e) {
    await close();
    throw e;
  }
}

const round3 = (ms: number) => Math.round(ms) / 1000;

async function benchmark(n: number) {
  const reps: Awaited<ReturnType<typeof repetition>>[] = [];
  for (let rep = 1; rep <= REPEAT; rep++) {
    const r = await repetition(n, rep);
    reps.push(r);
    if (rep < REPEAT) await r.close();
  }
  const last = reps.at(-1) as Awaited<ReturnType<typeof repetition>>;
  const { db, pg } = last;
  try {
    const dayBar = progress(`${DAYS} daily runs`, DAYS);
    const days: { asOf: string; ms: number; counts: Record<string, number>; retainedHeapMb: number | null }[] = [];
    let paymentsMs = 0;
    const sequence = await withPeakRss(async () => {
      for (let d = 1; d <= DAYS; d++) {
        const asOf = addDays(AS_OF, d);
        const day = await runDay(db, asOf, n, null);
        days.push({ asOf, ms: Math.round(day.ms), counts: day.counts, retainedHeapMb: day.retainedHeapMb });
        dayBar.tick(
          `${asOf}: ${day.counts.invoicesCreated} invoices, ${day.counts.remindersSent} reminders, ${day.counts.suspensions} suspensions (${(day.ms / 1000).toFixed(1)} s)`,
        );
        // Most customers pay within the day: 90 % of today's invoices (outside the measured runs).
        const t = performance.now();
        await pg.query(
          `UPDATE invoices SET status = 'PAID', paid_minor = gross_minor, paid_at = $2
           WHERE issue_date = $1::date AND status = 'OPEN' AND abs(hashtext(id::text)) % 10 <> 0`,
          [asOf, new Date(`${asOf}T12:00:00Z`)],
        );
        paymentsMs += performance.now() - t;
      }
    });
    const runsMs = days.reduce((s, d) => s + d.ms, 0);
    const total = (k: string) => days.reduce((s, d) => s + (d.counts[k] ?? 0), 0);
    // The repetition whose one-day ratio is the median stands for the day; every one is listed.
    const ratio = (r: (typeof reps)[number]) => r.oneDay.value.ms / r.floor.ms;
    const median = [...reps].sort((a, b) => ratio(a) - ratio(b))[Math.floor(reps.length / 2)] as (typeof reps)[number];
    const { oneDay, floor, written, narrowFloorMs } = median;
    const { counts } = oneDay.value;
    const seconds = oneDay.value.ms / 1000;
    const cold = reps[0] as (typeof reps)[number];
    return {
      customers: n,
      subscriptions: last.subscriptions,
      seedSeconds: Math.round(last.seedMs / 100) / 10,
      repetitions: reps.map((r) => ({
        oneDaySeconds: round3(r.oneDay.value.ms),
        floorSeconds: round3(r.floor.ms),
        ratioToFloor: Math.round(ratio(r) * 10) / 10,
      })),
      firstRunInProcess: {
        asOf: FIRST_DAY,
        seconds: round3(cold.first.ms),
        counts: cold.first.counts,
        errors: cold.first.errors,
        floorSeconds: round3(cold.firstFloor.ms),
        ratioToFloor: Math.round((cold.first.ms / cold.firstFloor.ms) * 10) / 10,
      },
      oneDay: {
        asOf: AS_OF,
        seconds: round3(oneDay.value.ms),
        counts,
        errors: oneDay.value.errors,
        invoicesPerSecond: Math.round(counts.invoicesCreated / seconds),
        linesPerSecond: Math.round(counts.linesCreated / seconds),
        peakRssMb: oneDay.peakRssMb,
        retainedHeapMb: oneDay.value.retainedHeapMb,
        rowsWritten: written,
        floorSeconds: round3(floor.ms),
        floorRows: floor.rows,
        ratioToFloor: Math.round(ratio(median) * 10) / 10,
        invoicesAndLinesFloorSeconds: round3(narrowFloorMs),
        ratioToInvoicesAndLinesFloor: Math.round((oneDay.value.ms / narrowFloorMs) * 10) / 10,
      },
      sequence: {
        days: DAYS,
        runsSeconds: Math.round(runsMs / 100) / 10,
        paymentsSeconds: Math.round(paymentsMs / 100) / 10,
        peakRssMb: sequence.peakRssMb,
        maxRetainedHeapMb: days.some((d) => d.retainedHeapMb !== null) ? Math.max(...days.map((d) => d.retainedHeapMb ?? 0)) : null,
        totals: Object.fromEntries(
          [
            "invoicesCreated",
            "linesCreated",
            "periodsStarted",
            "remindersSent",
            "suspensions",
            "terminations",
            "errors",
          ].map((k) => [k, total(k)]),
        ),
        slowestDaySeconds: Math.max(...days.map((d) => d.ms)) / 1000,
        perDay: days,
      },
    };
  } finally {
    await last.close();
  }
}

if (NS.length > 1) {
  // One process per N: the first run of each is then really the first in its process.
  for (const n of NS) {
    const flags = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, String(n), ...flags], { stdio: "inherit" });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) process.exit(code ?? 1);
  }
} else {
  const n = NS[0] as number;
  // The machine is shared: the load around the run says how much of it the run had.
  const loadBefore = os.loadavg().map((l) => Math.round(l * 10) / 10);
  const result = await benchmark(n);
  const loadAverage = { before: loadBefore, after: os.loadavg().map((l) => Math.round(l * 10) / 10) };
  const merged = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, "utf8")) : {};
  merged[String(n)] = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, local PostgreSQL`,
    loadAverage,
    ...result,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  const { perDay: _days, ...sequence } = result.sequence;
  console.log(JSON.stringify({ ...result, sequence }, null, 2));
}
