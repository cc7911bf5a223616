#!/usr/bin/env node
// `npm start`: the whole app on one command.
//   - DATABASE_URL unset: an embedded PostgreSQL server persisted in .data/postgres, demo data seeded once
//     (an installation of an earlier version, on PGlite in .data/pglite, is moved into it first).
//   - DATABASE_URL set: that server; demo data only with SEED_DEMO=1.
// Then migrations, a production build (reused while unchanged), `next start`, and next to it the job
// worker (tools/worker.ts: e-mail delivery, daily schedules; ADR 0013) unless JOBS=off.
// Ctrl-C stops it all: the app and the worker (which lets running jobs finish), then the database.
// `--dev` runs `next dev` instead of the production build.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePrismaClient, ensureProductionBuild } from "./lib/build-cache.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { legacyPgliteDir, migrateLegacyPglite } from "./lib/migrate-legacy-pglite.mjs";
import { deployMigrations } from "./prisma-engine/migrations.mjs";
import { serverHeapFlags } from "./lib/server-heap.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const log = (msg) => console.log(`[comptoir] ${msg}`);
if (fs.existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const dataDir = path.resolve(root, process.env.COMPTOIR_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
env.APP_URL ??= `http://localhost:${port}`;
env.NEXTAUTH_URL ??= env.APP_URL;

/** A session-signing secret that survives restarts without being committed anywhere. */
function persistentSecret() {
  const file = path.join(dataDir, "nextauth-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
env.NEXTAUTH_SECRET ??= persistentSecret();

/** Runs a Node script to completion without blocking this process (signals still reach it). */
function run(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    p.on("error", reject);
    p.on("exit", (code) => resolve(code));
  });
}

let embedded = null;
let child = null;
let worker = null;
let workerRestart = null;
let stopping = false;

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
async function stopProcess(p, graceMs) {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((resolve) => p.once("exit", resolve));
  p.kill("SIGTERM");
  const timer = setTimeout(() => p.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  clearTimeout(workerRestart);
  // The worker lets its running jobs finish for up to 15 s (tools/worker.ts) before it gives them back.
  await Promise.all([stopProcess(child, 10_000), stopProcess(worker, 20_000)]);
  if (embedded) fs.rmSync(path.join(dataDir, "database-url"), { force: true });
  await embedded?.stop();
  log("Stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/**
 * The job worker, a process of its own next to the app server: its own heap and pool, its own
 * graceful stop (the app server's `next start` exits as soon as its requests are done). Restarted
 * after a crash; the queue keeps every job meanwhile.
 */
function startWorker(guard) {
  worker = spawn(process.execPath, ["--require", guard, "--import", "tsx", path.join(root, "tools/worker.ts")], { cwd: root, env, stdio: "inherit" });
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    log(`The job worker exited (${signal ?? `code ${code}`}); restarting it in 5 s.`);
    workerRestart = setTimeout(() => startWorker(guard), 5000);
  });
}

try {
  if (!env.DATABASE_URL) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port: Number(process.env.EMBEDDED_DB_PORT ?? 0), log });
    env.DATABASE_URL = embedded.url;
    // Lets `npm run api-token` and the other CLI tools reach the running embedded database.
    fs.writeFileSync(path.join(dataDir, "database-url"), embedded.url, { mode: 0o600 });
    env.SEED_DEMO ??= "1";
    const where = new URL(embedded.url);
    log(`Embedded PostgreSQL on ${where.host} (data in ${path.relative(root, dataDir) || "."}/postgres) started in ${Date.now() - started} ms`);
  }
  const applied = await deployMigrations({ url: env.DATABASE_URL });
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (embedded && legacyPgliteDir(dataDir)) {
    try {
      await migrateLegacyPglite({ dataDir, targetUrl: env.DATABASE_URL, log });
    } catch (e) {
      const rel = path.relative(root, dataDir) || ".";
      throw new Error(
        `Could not move the data of the earlier embedded database (${rel}/pglite) to PostgreSQL: ${e instanceof Error ? e.message : e}\n` +
          `Your earlier data is untouched. To start afresh with the demo data instead: stop, run \`mv ${rel} ${rel}.old\` and \`npm start\` again.`,
      );
    }
  }

  await ensurePrismaClient(root);
  if (env.SEED_DEMO === "1") {
    const status = await run([path.join(root, "node_modules/tsx/dist/cli.mjs"), "prisma/seed.ts"]);
    if (status !== 0) throw new Error("Seeding the demo data failed");
  }
  if (!dev) await ensureProductionBuild(root, { log });

  const next = path.join(root, "node_modules/next/dist/bin/next");
  // --require exit-with-parent: if this launcher is killed outright, the server stops instead of
  // holding the port (the database it used is stopped by the next start).
  const guard = path.join(root, "tools/lib/exit-with-parent.cjs");
  // --require peer-address: the socket address of each request, for throttling (see the file).
  const peer = path.join(root, "tools/lib/peer-address.cjs");
  child = spawn(process.execPath, [...(dev ? [] : serverHeapFlags(env)), "--require", guard, "--require", peer, next, dev ? "dev" : "start", "-p", String(port), "-H", host], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
  if (env.JOBS === "off") log("JOBS=off: no job worker (e-mails stay in the outbox until a worker runs).");
  else startWorker(guard);
  log(`Open ${env.APP_URL}`);
} catch (e) {
  console.error(`[comptoir] ${e instanceof Error ? e.message : e}`);
  await shutdown(1);
}
