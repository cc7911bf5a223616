// Benchmark behind ADR 0015: the two PostgreSQL job queues the engineering notes allow, on this
// machine, on the local PostgreSQL server (127.0.0.1:5432, when reachable) and on the embedded server
// `npm start` runs, each time on a database the app's Prisma migrations own.
//   pg-boss 10.4.2 and graphile-worker 0.17.3: the newest releases that still run on Node 20 (the
//   project's engines field); pg-boss 11+ and graphile-worker 0.18 require Node 22.
// Measures: schema install (first start, then a restart), enqueue cost, jobs/s for 2,000 trivial jobs
// with 2 worker instances, latency from enqueue to start, retries with backoff, dedup keys, connections
// held, stop time and the handles left behind, and dependency weight.
// The candidates are installed apart, in bench/.candidates (git-ignored), so the app's own
// node_modules stay as they are:   npx tsx bench/job-queue.ts
// Results: bench/results/job-queue.json.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../tools/lib/embedded-postgres.mjs";
import { withDatabase } from "../tools/lib/test-database.mjs";
import { deployMigrations } from "../tools/prisma-engine/migrations.mjs";
import { percentile } from "./lib/measure";

const root = path.resolve(import.meta.dirname, "..");
const CANDIDATES = { "pg-boss": "10.4.2", "graphile-worker": "0.17.3" } as const;
type Candidate = keyof typeof CANDIDATES;
const candidatesDir = path.join(root, "bench/.candidates");
const JOBS = 2000;
const WORKERS = 2;
const LATENCY_SAMPLES = 20;
const THROUGHPUT_WINDOW_MS = 25_000;
const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const uuidFromKey = (key: string) => {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

// ---------------------------------------------------------------------------------------------------
// Candidates, installed apart; their size and what they would add to this project.

function candidateRequire(name: Candidate): NodeJS.Require {
  const prefix = path.join(candidatesDir, name);
  if (!fs.existsSync(path.join(prefix, "node_modules", name, "package.json"))) {
    fs.mkdirSync(prefix, { recursive: true });
    fs.writeFileSync(
      path.join(prefix, "package.json"),
      `${JSON.stringify({ name: `candidate-${name}`, private: true })}\n`,
    );
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        prefix,
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        `${name}@${CANDIDATES[name]}`,
      ],
      { stdio: "inherit" },
    );
  }
  return createRequire(path.join(prefix, "package.json"));
}

function packagesIn(modules: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!fs.existsSync(modules)) return found;
  for (const entry of fs.readdirSync(modules)) {
    if (entry.startsWith(".")) continue;
    const dirs = entry.startsWith("@")
      ? fs.readdirSync(path.join(modules, entry)).map((s) => path.join(entry, s))
      : [entry];
    for (const d of dirs) {
      const pj = path.join(modules, d, "package.json");
      if (fs.existsSync(pj)) found.set(d, JSON.parse(fs.readFileSync(pj, "utf8")).version);
    }
  }
  return found;
}

function bytesOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytesOf(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

function weight(name: Candidate) {
  candidateRequire(name);
  const modules = path.join(candidatesDir, name, "node_modules");
  const mine = packagesIn(modules);
  const project = packagesIn(path.join(root, "node_modules"));
  const added = [...mine.keys()].filter((p) => !project.has(p)).sort();
  return {
    version: CANDIDATES[name],
    packages: mine.size,
    installedMb: round(bytesOf(modules) / 1e6),
    newToThisProject: added,
    newToThisProjectMb: round(added.reduce((s, p) => s + bytesOf(path.join(modules, p)), 0) / 1e6),
    directDependencies: Object.keys(
      JSON.parse(fs.readFileSync(path.join(modules, name, "package.json"), "utf8")).dependencies ?? {},
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Database helpers

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

async function reachable(url: string) {
  try {
    await sql(url, "SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** A database the app's migrations own, as in production. */
async function appDatabase(serverUrl: string, label: string) {
  const name = `bench_jobq_${label}_${process.pid}_${Date.now() % 1e6}`;
  await sql(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await deployMigrations({ url });
  return { url, drop: () => sql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const tablesBySchema = async (url: string) =>
  Object.fromEntries(
    (
      await sql<{ s: string; n: number }>(
        url,
        `SELECT table_schema AS s, count(*)::int AS n FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema') GROUP BY 1 ORDER BY 1`,
      )
    ).map((r) => [r.s, r.n]),
  );

const connectionsTo = async (url: string) =>
  (
    await sql<{ n: number }>(
      url,
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
  )[0]?.n ?? 0;

const handles = () => process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap").length;

/** Waits until `done()` or the deadline; returns the elapsed ms. */
async function until(done: () => boolean, deadlineMs: number) {
  const t = performance.now();
  while (!done() && performance.now() - t < deadlineMs) await sleep(5);
  return performance.now() - t;
}

function latencyStats(samples: number[]) {
  return {
    samples: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    maxMs: round(Math.max(...samples)),
  };
}

// ---------------------------------------------------------------------------------------------------
// pg-boss 10: polling workers (pollingIntervalSeconds, min 0.5), send/insert, queues with policies.

interface PgBossJob {
  id: string;
  data: Record<string, unknown>;
}
interface PgBoss {
  on(event: "error", handler: (e: Error) => void): void;
  start(): Promise<unknown>;
  stop(options?: { graceful?: boolean; timeout?: number; wait?: boolean }): Promise<void>;
  createQueue(name: string, options?: Record<string, unknown>): Promise<void>;
  send(name: string, data: object, options?: Record<string, unknown>): Promise<string | null>;
  insert(jobs: { name: string; data?: object }[]): Promise<void>;
  work(
    name: string,
    options: Record<string, unknown>,
    handler: (jobs: PgBossJob[]) => Promise<unknown>,
  ): Promise<string>;
  notifyWorker(id: string): void;
  schedule(name: string, cron: string, data?: object, options?: Record<string, unknown>): Promise<void>;
  getSchedules(): Promise<{ name: string; cron: string; timezone: string }[]>;
}
type PgBossClass = new (options: Record<string, unknown>) => PgBoss;

async function benchPgBoss(url: string) {
  const PgBossCtor = candidateRequire("pg-boss")("pg-boss") as PgBossClass;
  const errors = new Set<string>();
  const handlesAtStart = handles();
  const make = (extra: Record<string, unknown> = {}) => {
    const boss = new PgBossCtor({ connectionString: url, schema: "pgboss", ...extra });
    boss.on("error", (e) => errors.add(String(e.message).slice(0, 160)));
    return boss;
  };
  const before = await tablesBySchema(url);
  let t = performance.now();
  const first = make();
  await first.start();
  const installMs = round(performance.now() - t, 0);
  await first.stop({ graceful: true, timeout: 1000 });
  t = performance.now();
  const main = make();
  await main.start();
  const restartMs = round(performance.now() - t, 0);
  const after = await tablesBySchema(url);

  // Enqueue cost: one send at a time, and one insert of many.
  await main.createQueue("enqueue");
  t = performance.now();
  for (let i = 0; i < 200; i++) await main.send("enqueue", { i });
  const sendMs = (performance.now() - t) / 200;

  // Throughput: 2,000 jobs, 2 instances each with one worker.
  const throughput: Record<string, unknown>[] = [];
  for (const [label, options] of [
    ["defaults (poll 2 s, batchSize 1)", {}],
    ["poll 0.5 s, batchSize 1", { pollingIntervalSeconds: 0.5 }],
    ["poll 0.5 s, batchSize 20", { pollingIntervalSeconds: 0.5, batchSize: 20 }],
    [
      "poll 0.5 s, batchSize 1, a worker that got a job asks for the next at once (notifyWorker)",
      { pollingIntervalSeconds: 0.5, selfNotify: true },
    ],
  ] as const) {
    const queue = `tp-${throughput.length}`;
    await main.createQueue(queue);
    t = performance.now();
    await main.insert(Array.from({ length: JOBS }, (_, i) => ({ name: queue, data: { i } })));
    const insertMs = performance.now() - t;
    const seen: string[] = [];
    const perWorker = [0, 0];
    const workers = Array.from({ length: WORKERS }, () => make({ schedule: false, supervise: false }));
    await Promise.all(workers.map((w) => w.start()));
    const { selfNotify, ...workOptions } = { selfNotify: false, ...options };
    await Promise.all(
      workers.map(async (w, k) => {
        const id: string = await w.work(queue, workOptions, async (jobs) => {
          for (const j of jobs) seen.push(j.id);
          perWorker[k] = (perWorker[k] ?? 0) + jobs.length;
          // Skips the wait of the next poll: pg-boss 10 otherwise sleeps out the interval after every fetch.
          if (selfNotify && jobs.length > 0) w.notifyWorker(id);
        });
      }),
    );
    const elapsed = await until(() => seen.length >= JOBS, THROUGHPUT_WINDOW_MS);
    const connections = await connectionsTo(url);
    await Promise.all(workers.map((w) => w.stop({ graceful: true, timeout: 2000 })));
    throughput.push({
      workers: label,
      insert2000Ms: round(insertMs, 0),
      processed: seen.length,
      inMs: round(elapsed, 0),
      jobsPerSecond: round((seen.length / elapsed) * 1000),
      duplicates: seen.length - new Set(seen).size,
      perWorker,
      connectionsWhileRunning: connections,
    });
  }

  // Latency from enqueue to start. From another instance (polling only), and from the worker's own
  // instance followed by notifyWorker (what an app process that also works can do).
  const latency: Record<string, unknown> = {};
  for (const [label, poll, notify] of [
    ["other instance, poll 2 s (default)", 2, false],
    ["other instance, poll 0.5 s", 0.5, false],
    ["same instance + notifyWorker, poll 2 s", 2, true],
  ] as const) {
    const queue = `lat-${Object.keys(latency).length}`;
    await main.createQueue(queue);
    const worker = notify ? main : make({ schedule: false, supervise: false });
    if (!notify) await worker.start();
    let started: ((at: number) => void) | null = null;
    const workerId = await worker.work(queue, { pollingIntervalSeconds: poll }, async () => {
      started?.(performance.now());
    });
    await sleep(300);
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const startedAt = new Promise<number>((resolve) => {
        started = resolve;
      });
      const t0 = performance.now();
      await main.send(queue, { i });
      if (notify) worker.notifyWorker(workerId);
      samples.push((await startedAt) - t0);
      await sleep(Math.random() * 300);
    }
    if (!notify) await worker.stop({ graceful: true, timeout: 1000 });
    latency[label] = latencyStats(samples);
  }

  // Retries with exponential backoff: retryDelay 1 s, 3 attempts.
  await main.createQueue("retry", { retryLimit: 2, retryDelay: 1, retryBackoff: true });
  const attempts: number[] = [];
  await main.work("retry", { pollingIntervalSeconds: 0.5 }, async () => {
    attempts.push(performance.now());
    throw new Error("always fails");
  });
  await main.send("retry", {});
  await until(() => attempts.length >= 3, 30_000);
  const retryGapsMs = attempts.slice(1).map((a, i) => round(a - (attempts[i] ?? a), 0));

  // Dedup: the same job id sent by two instances at once, then again after it completed; and a
  // throttled singletonKey (slots are whole periods since the epoch, not local dates).
  const other = make({ schedule: false, supervise: false });
  await other.start();
  await main.createQueue("daily");
  let runs = 0;
  await main.work("daily", { pollingIntervalSeconds: 0.5 }, async () => {
    runs++;
  });
  const id = uuidFromKey("billing-run:2026-12-03");
  const sent = await Promise.all([
    main.send("daily", { date: "2026-12-03" }, { id }),
    other.send("daily", { date: "2026-12-03" }, { id }),
  ]);
  await until(() => runs >= 1, 5000);
  await sleep(1500);
  const runsAfterTwoSends = runs;
  const resent = await main.send("daily", { date: "2026-12-03" }, { id });
  await sleep(1500);
  const dayRefused = await main
    .send("daily", { date: "2026-12-04" }, { singletonKey: "2026-12-04", singletonSeconds: 86_400 })
    .then(
      () => null,
      (e: Error) => e.message,
    );
  const singletonSends = await Promise.all([
    main.send("daily", { date: "2026-12-04" }, { singletonKey: "2026-12-04", singletonSeconds: 43_200 }),
    other.send("daily", { date: "2026-12-04" }, { singletonKey: "2026-12-04", singletonSeconds: 43_200 }),
  ]);
  await other.stop({ graceful: true, timeout: 1000 });

  // Cron in a time zone: stored and evaluated by pg-boss itself (cron-parser with tz).
  await main.createQueue("billing-run-tick");
  await main.schedule("billing-run-tick", "0 6 * * *", {}, { tz: "Europe/Paris" });
  const schedules = await main.getSchedules();

  // Stop: an instance with idle workers; connections and handles left.
  const probe = make();
  await probe.start();
  await probe.createQueue("probe");
  await probe.work("probe", {}, async () => {});
  const connectionsOneInstance = await connectionsTo(url);
  t = performance.now();
  await probe.stop({ graceful: true, timeout: 5000 });
  const stopMs = round(performance.now() - t, 0);
  await main.stop({ graceful: true, timeout: 5000 });
  await sleep(1500); // pg-boss's offWork polls every second before it forgets a stopped worker
  const connectionsAfterStop = await connectionsTo(url);

  return {
    schema: { before, after, installFirstStartMs: installMs, restartMs },
    enqueue: { sendOneMs: round(sendMs, 2) },
    throughput,
    latency,
    retries: {
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: true,
      attempts: attempts.length,
      gapsMs: retryGapsMs,
    },
    dedup: {
      sameJobIdFromTwoInstances: { created: sent.filter(Boolean).length, runs: runsAfterTwoSends },
      sameJobIdAfterCompletion: {
        created: resent ? 1 : 0,
        note: "deduped while the job row exists (completed jobs are archived after 12 h by default)",
      },
      singletonKeyThrottledPerDay: { refused: dayRefused },
      singletonKeyThrottled12h: {
        created: singletonSends.filter(Boolean).length,
        note: "slots are whole 12 h periods since the epoch (UTC), not local dates",
      },
    },
    cron: { schedules: schedules.map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone })) },
    shutdown: {
      stopMs,
      connectionsWithOneIdleInstanceAndMain: connectionsOneInstance,
      connectionsAfterStop,
      handlesLeftAfterStop: handles() - handlesAtStart,
    },
    errors: [...errors],
  };
}

// ---------------------------------------------------------------------------------------------------
// graphile-worker 0.17: LISTEN/NOTIFY plus polling (pollInterval), addJob/addJobs, job keys.

interface GwHelpers {
  job: { id: string; attempts: number };
}
interface GwRunner {
  stop(): Promise<void>;
  promise: Promise<void>;
}
interface GwUtils {
  addJob(task: string, payload?: object, spec?: Record<string, unknown>): Promise<{ id: string }>;
  addJobs(specs: { identifier: string; payload: object }[]): Promise<readonly unknown[]>;
  release(): Promise<void>;
}
interface GraphileWorker {
  run(options: Record<string, unknown>): Promise<GwRunner>;
  runMigrations(options: Record<string, unknown>): Promise<void>;
  makeWorkerUtils(options: Record<string, unknown>): Promise<GwUtils>;
  Logger: new (factory: () => (level: string, message: string) => void) => unknown;
}

async function benchGraphileWorker(url: string) {
  const gw = candidateRequire("graphile-worker")("graphile-worker") as GraphileWorker;
  const errors = new Set<string>();
  const handlesAtStart = handles();
  const logger = new gw.Logger(() => (level, message) => {
    if (level === "error") errors.add(message.slice(0, 160));
  });
  const common = { connectionString: url, logger, noHandleSignals: true };
  const before = await tablesBySchema(url);
  let t = performance.now();
  await gw.runMigrations(common);
  const installMs = round(performance.now() - t, 0);
  t = performance.now();
  await gw.runMigrations(common);
  const restartMs = round(performance.now() - t, 0);
  const after = await tablesBySchema(url);
  const utils = await gw.makeWorkerUtils(common);

  t = performance.now();
  for (let i = 0; i < 200; i++) await utils.addJob("enqueue", { i });
  const sendMs = (performance.now() - t) / 200;

  const throughput: Record<string, unknown>[] = [];
  for (const [label, concurrency] of [
    ["concurrency 1 each (default)", 1],
    ["concurrency 5 each", 5],
  ] as const) {
    const task = `tp${throughput.length}`;
    t = performance.now();
    await utils.addJobs(Array.from({ length: JOBS }, (_, i) => ({ identifier: task, payload: { i } })));
    const insertMs = performance.now() - t;
    const seen: string[] = [];
    const perWorker = [0, 0];
    const runners = await Promise.all(
      Array.from({ length: WORKERS }, (_, k) =>
        gw.run({
          ...common,
          concurrency,
          taskList: {
            [task]: async (_payload: unknown, helpers: GwHelpers) => {
              seen.push(helpers.job.id);
              perWorker[k] = (perWorker[k] ?? 0) + 1;
            },
          },
        }),
      ),
    );
    const elapsed = await until(() => seen.length >= JOBS, THROUGHPUT_WINDOW_MS);
    const connections = await connectionsTo(url);
    await Promise.all(runners.map((r) => r.stop()));
    throughput.push({
      workers: label,
      insert2000Ms: round(insertMs, 0),
      processed: seen.length,
      inMs: round(elapsed, 0),
      jobsPerSecond: round((seen.length / elapsed) * 1000),
      duplicates: seen.length - new Set(seen).size,
      perWorker,
      connectionsWhileRunning: connections,
    });
  }

  const latency: Record<string, unknown> = {};
  {
    let started: ((at: number) => void) | null = null;
    const runner = await gw.run({
      ...common,
      concurrency: 1,
      taskList: { lat: async () => started?.(performance.now()) },
    });
    await sleep(300);
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const startedAt = new Promise<number>((resolve) => {
        started = resolve;
      });
      const t0 = performance.now();
      await utils.addJob("lat", { i });
      samples.push((await startedAt) - t0);
      await sleep(Math.random() * 300);
    }
    await runner.stop();
    latency["other instance (LISTEN/NOTIFY), poll 2 s (default)"] = latencyStats(samples);
  }

  // Retries: backoff is fixed in 0.17, exp(min(attempts, 10)) seconds; 3 attempts.
  const attempts: number[] = [];
  let runs = 0;
  const runner = await gw.run({
    ...common,
    concurrency: 2,
    taskList: {
      retry: async () => {
        attempts.push(performance.now());
        throw new Error("always fails");
      },
      daily: async () => {
        runs++;
      },
    },
  });
  await utils.addJob("retry", {}, { maxAttempts: 3 });
  await until(() => attempts.length >= 3, 40_000);
  const retryGapsMs = attempts.slice(1).map((a, i) => round(a - (attempts[i] ?? a), 0));

  // Dedup: a job key with unsafe_dedupe from two clients at once, then again after completion
  // (completed jobs are deleted, so the key is free again).
  const otherUtils = await gw.makeWorkerUtils(common);
  const spec = { jobKey: "billing-run:2026-12-03", jobKeyMode: "unsafe_dedupe" };
  const added = await Promise.all([
    utils.addJob("daily", { date: "2026-12-03" }, spec),
    otherUtils.addJob("daily", { date: "2026-12-03" }, spec),
  ]);
  await until(() => runs >= 1, 5000);
  await sleep(1000);
  const runsAfterTwoAdds = runs;
  await utils.addJob("daily", { date: "2026-12-03" }, spec);
  await until(() => runs > runsAfterTwoAdds, 3000);
  const runsAfterReAdd = runs;
  await otherUtils.release();

  const probe = await gw.run({ ...common, concurrency: 1, taskList: { probe: async () => {} } });
  const connectionsOneInstance = await connectionsTo(url);
  t = performance.now();
  await probe.stop();
  const stopMs = round(performance.now() - t, 0);
  await runner.stop();
  await utils.release();
  await sleep(200);
  const connectionsAfterStop = await connectionsTo(url);

  return {
    schema: { before, after, installFirstStartMs: installMs, restartMs },
    enqueue: { sendOneMs: round(sendMs, 2) },
    throughput,
    latency,
    retries: {
      maxAttempts: 3,
      backoff: "exp(min(attempts, 10)) s, fixed",
      attempts: attempts.length,
      gapsMs: retryGapsMs,
    },
    dedup: {
      sameJobKeyFromTwoClients: { ids: new Set(added.map((j) => j.id)).size, runs: runsAfterTwoAdds },
      sameJobKeyAfterCompletion: {
        runs: runsAfterReAdd - runsAfterTwoAdds,
        note: "completed jobs are deleted, so the key no longer dedupes",
      },
    },
    cron: { timeZones: "crontab fields are matched in UTC; a local time needs a custom match function" },
    shutdown: {
      stopMs,
      connectionsWithOneIdleRunnerAndUtils: connectionsOneInstance,
      connectionsAfterStop,
      handlesLeftAfterStop: handles() - handlesAtStart,
    },
    errors: [...errors],
  };
}

// ---------------------------------------------------------------------------------------------------

const servers: { name: string; url: string; close: () => Promise<void> }[] = [];
if (await reachable(LOCAL_SERVER)) {
  const [v] = await sql<{ v: string }>(LOCAL_SERVER, "SELECT current_setting('server_version') AS v");
  servers.push({ name: `local PostgreSQL ${v?.v ?? "?"}`, url: LOCAL_SERVER, close: async () => {} });
}
const embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-jobq-"));
const embedded = await startEmbeddedPostgres({ dir: path.join(embeddedDir, "postgres") });
const [ev] = await sql<{ v: string }>(embedded.url, "SELECT current_setting('server_version') AS v");
servers.push({
  name: `embedded PostgreSQL ${ev?.v ?? "?"} (as npm start runs it)`,
  url: embedded.url,
  close: () => embedded.stop(),
});

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version },
  jobs: JOBS,
  workers: WORKERS,
  weight: {} as Record<string, unknown>,
  runs: {} as Record<string, unknown>,
};
const runs = results.runs as Record<string, Record<string, unknown>>;
try {
  results.weight = { "pg-boss": weight("pg-boss"), "graphile-worker": weight("graphile-worker") };
  for (const server of servers) {
    runs[server.name] = {};
    for (const [name, bench] of [
      ["pg-boss", benchPgBoss],
      ["graphile-worker", benchGraphileWorker],
    ] as const) {
      console.log(`[bench] ${name} on ${server.name}…`);
      const db = await appDatabase(server.url, name.replace("-", "_"));
      try {
        (runs[server.name] as Record<string, unknown>)[name] = await bench(db.url);
      } finally {
        await db.drop();
      }
    }
  }
} finally {
  for (const s of servers) await s.close();
  fs.rmSync(embeddedDir, { recursive: true, force: true });
}

fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(root, "bench/results/job-queue.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
