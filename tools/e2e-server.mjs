#!/usr/bin/env node
// Playwright's web server: a fresh migrated database with the fixture data, then `next start` on it.
// The production build must exist (tools/test.mjs builds it first). The database is dropped on exit.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverHeapFlags } from "./lib/server-heap.mjs";
import { createFreshDatabase } from "./lib/test-database.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3100";
const database = await createFreshDatabase("comptoir_e2e");
const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };

const seed = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/e2e/fixtures/seed-e2e.ts"], { cwd: root, env, stdio: "inherit" });
if (seed.status !== 0) {
  await database.drop();
  process.exit(1);
}

// The socket address of each request reaches the app through this hook, as with `npm start`.
const peer = path.join(root, "tools/lib/peer-address.cjs");
const child = spawn(process.execPath, [...serverHeapFlags(env), "--require", peer, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve()));
  await database.drop().catch(() => {});
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", () => void stop());
