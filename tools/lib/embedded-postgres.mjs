// Embedded PostgreSQL (PGlite, PostgreSQL 17 compiled to WASM) served over the PostgreSQL wire protocol,
// so the app, Prisma's pg adapter and our migration engine talk to it exactly as to a real server.
// Used by `npm start` when DATABASE_URL is unset, and by tests when no PostgreSQL server is reachable.
// Limits (ADR 0002): one backend session shared by all connections (queries are queued), so it is
// for demos and development, not production.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

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

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
};

/**
 * PGlite does not lock its data folder and two processes writing it would corrupt it, so we hold
 * an exclusive lock file with our pid. A lock left by a dead process is taken over.
 */
function acquireDataDirLock(dataDir) {
  const lockPath = path.join(dataDir, "comptoir.lock");
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`The embedded database in ${dataDir} is already open by process ${owner}. Stop it first (only one process may open it).`);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

/**
 * Starts PGlite on `dataDir` (or in memory when dataDir is null) and serves it on 127.0.0.1:port.
 * Returns the connection URL and an idempotent stop().
 */
export async function startEmbeddedPostgres({ dataDir = null, port = 0 } = {}) {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  try {
    const db = dataDir ? new PGlite(path.join(dataDir, "pgdata")) : new PGlite();
    await db.waitReady;
    const listenPort = port || (await freePort());
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: listenPort, maxConnections: 50 });
    await server.start();
    let stopped = false;
    return {
      url: `postgresql://postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await server.stop();
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
