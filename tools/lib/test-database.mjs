// A fresh, migrated, throwaway database for one test run: on TEST_DATABASE_URL's server, else on the
// local PostgreSQL at 127.0.0.1:5432, else on a throwaway embedded PostgreSQL (the same server `npm start`
// runs). TEST_DATABASE_URL=embedded forces the embedded one. Never the demo database.
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

const withDatabase = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Drops databases of earlier runs that were killed before they could clean up. */
async function dropStale(admin, prefix) {
  const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]);
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const created = Number(datname.slice(prefix.length + 1).split("_")[0]);
    if (Number.isFinite(created) && now - created > STALE_AFTER_S) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  }
}

/**
 * @param {string} prefix e.g. "comptoir_test"
 * @returns {Promise<{ url: string, kind: "server" | "embedded", drop: () => Promise<void> }>}
 */
export async function createFreshDatabase(prefix) {
  const forceEmbedded = process.env.TEST_DATABASE_URL === "embedded";
  const serverUrl = (!forceEmbedded && process.env.TEST_DATABASE_URL) || LOCAL_SERVER;
  if (!forceEmbedded && (process.env.TEST_DATABASE_URL || (await reachable(serverUrl)))) {
    const name = `${prefix}_${Math.floor(Date.now() / 1000)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await dropStale(admin, prefix);
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = withDatabase(serverUrl, name);
    await deployMigrations({ url });
    return {
      url,
      kind: "server",
      async drop() {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const embedded = await startEmbeddedPostgres();
  try {
    await deployMigrations({ url: embedded.url });
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  return { url: embedded.url, kind: "embedded", drop: () => embedded.stop() };
}
