// Throwaway databases for tests, on TEST_DATABASE_URL's server, else on the local PostgreSQL at
// 127.0.0.1:5432, else on a throwaway embedded PostgreSQL server (the one `npm start` runs).
// TEST_DATABASE_URL=embedded forces the embedded one. Never the demo database.
import pg from "pg";
import { deployMigrations } from "../prisma-engine/migrations.mjs";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const STALE_AFTER_S = 6 * 3600;

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const withDatabase = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * A PostgreSQL server on which tests may create databases: its maintenance URL, and close() (which
 * stops it when it was started for the occasion).
 * @returns {Promise<{ url: string, kind: "server" | "embedded", close: () => Promise<void> }>}
 */
export async function openTestServer() {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured !== "embedded") {
    if (configured) return { url: configured, kind: "server", close: async () => {} };
    if (await reachable(LOCAL_SERVER)) return { url: LOCAL_SERVER, kind: "server", close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, kind: "embedded", close: () => embedded.stop() };
}

async function onServer(url, sql) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Drops databases of earlier runs that were killed before they could clean up. */
async function dropStale(url, prefix) {
  const { rows } = await onServer(url, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'`);
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const created = Number(datname.slice(prefix.length + 1).split("_")[0]);
    if (Number.isFinite(created) && now - created > STALE_AFTER_S) {
      await onServer(url, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  }
}

/**
 * A fresh, migrated database for one test run, dropped (with its embedded server, if any) by drop().
 * @param {string} prefix e.g. "comptoir_test"
 * @returns {Promise<{ url: string, kind: "server" | "embedded", drop: () => Promise<void> }>}
 */
export async function createFreshDatabase(prefix) {
  const server = await openTestServer();
  const name = `${prefix}_${Math.floor(Date.now() / 1000)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const drop = async () => {
    try {
      await onServer(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await server.close();
    }
  };
  try {
    await dropStale(server.url, prefix);
    await onServer(server.url, `CREATE DATABASE "${name}"`);
    const url = withDatabase(server.url, name);
    await deployMigrations({ url });
    return { url, kind: server.kind, drop };
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
}
