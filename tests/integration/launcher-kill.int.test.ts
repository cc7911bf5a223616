import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../tools/lib/embedded-postgres.mjs";

// `npm start` with no DATABASE_URL, killed with SIGKILL in the middle of a stream of API writes:
// every write the API acknowledged (201) is there after a restart. Round 1 kills the launcher only
// (its database and app server are orphaned, and the next start must clean them up); round 2 also
// kills the database server itself, so PostgreSQL has to recover from its write-ahead log.
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-kill-"));
fs.chmodSync(dataDir, 0o755); // like a clone's .data: the server's system user (when root) may enter it
const running: ChildProcess[] = [];

const alive = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;
afterAll(async () => {
  const left = running.filter(alive);
  for (const p of left) p.kill("SIGTERM");
  await Promise.all(left.map((p) => new Promise((r) => p.once("exit", r))));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startLauncher(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMPTOIR_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "0",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  const launcher = spawn(process.execPath, [path.join(root, "tools/launch.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(launcher);
  let output = "";
  launcher.stdout?.on("data", (d) => (output += d));
  launcher.stderr?.on("data", (d) => (output += d));
  const until = Date.now() + 240_000; // a first start may have to build the app
  for (;;) {
    if (!alive(launcher)) throw new Error(`the launcher exited (${launcher.exitCode}):\n${output}`);
    // Only once this launcher has started its own app server (an orphaned one may still be answering).
    const ok =
      output.includes("[comptoir] Open ") &&
      (await fetch(`http://127.0.0.1:${port}/signin`).then(
        (r) => r.ok,
        () => false,
      ));
    if (ok) return launcher;
    if (Date.now() > until) throw new Error(`the app did not answer in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function apiToken(): string {
  const env: NodeJS.ProcessEnv = { ...process.env, COMPTOIR_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "tools/api-token.ts",
      "--name",
      `kill-${randomUUID().slice(0, 6)}`,
    ],
    { cwd: root, env, encoding: "utf8" },
  );
  const token = r.stdout.trim().split("\n").at(-1);
  if (r.status !== 0 || !token?.startsWith("cpt_"))
    throw new Error(`api-token failed: ${r.stderr}${r.stdout}`);
  return token;
}

/** Writers POST customers until stopped; returns what the API acknowledged with a 201. */
function writeUntilKilled(port: number, token: string) {
  const acknowledged = new Map<string, string>();
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const legalName = `Kill ${w}-${i} ${randomUUID()}`;
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/customers`, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${token}`,
            "Content-Type": "application/json",
            "Idempotency-Key": randomUUID(),
          },
          body: JSON.stringify({ legalName, billingEmail: `k${w}-${i}@example.com` }),
        });
        if (r.status === 201) acknowledged.set(((await r.json()) as { id: string }).id, legalName);
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  const finish = () => {
    stop = true;
    return writers;
  };
  return { acknowledged, finish };
}

async function storedNames(): Promise<Map<string, string>> {
  const c = new pg.Client({
    connectionString: fs.readFileSync(path.join(dataDir, "database-url"), "utf8").trim(),
  });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; legal_name: string }>(
      "SELECT id, legal_name FROM customers",
    );
    return new Map(rows.map((r) => [r.id, r.legal_name]));
  } finally {
    await c.end();
  }
}

const postmasterPid = () =>
  Number(fs.readFileSync(path.join(dataDir, "postgres/pgdata/postmaster.pid"), "utf8").split("\n")[0]);

async function killDuringWrites(
  launcher: ChildProcess,
  port: number,
  token: string,
  alsoTheDatabase: boolean,
) {
  const stream = writeUntilKilled(port, token);
  while (stream.acknowledged.size < 60) await new Promise((r) => setTimeout(r, 20));
  const database = postmasterPid();
  launcher.kill("SIGKILL");
  if (alsoTheDatabase) process.kill(database, "SIGKILL");
  await new Promise((r) => launcher.once("exit", r));
  await stream.finish();
  // The orphaned app server notices its parent is gone and frees the port.
  while (
    await fetch(`http://127.0.0.1:${port}/signin`).then(
      () => true,
      () => false,
    )
  )
    await new Promise((r) => setTimeout(r, 100));
  return stream.acknowledged;
}

describe("npm start killed with SIGKILL during writes", () => {
  it("keeps every acknowledged write, whether the database was orphaned or killed too", async () => {
    const port = await freePort();
    let launcher = await startLauncher(port);
    const token = apiToken();

    const first = await killDuringWrites(launcher, port, token, false);
    launcher = await startLauncher(port);
    let stored = await storedNames();
    for (const [id, name] of first) expect(stored.get(id)).toBe(name);

    const second = await killDuringWrites(launcher, port, token, true);
    launcher = await startLauncher(port);
    stored = await storedNames();
    for (const [id, name] of [...first, ...second]) expect(stored.get(id)).toBe(name);
    expect(first.size + second.size).toBeGreaterThanOrEqual(120);

    launcher.kill("SIGTERM");
    await new Promise((r) => launcher.once("exit", r));
    expect(launcher.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "postgres/pgdata/postmaster.pid"))).toBe(false);
  }, 600_000);
});
