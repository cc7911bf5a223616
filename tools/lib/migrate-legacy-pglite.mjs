// Moves the data of an installation made by an earlier version (embedded PGlite in .data/pglite) into
// the embedded PostgreSQL server that replaced it (ADR 0006). Runs once, at start-up, all or nothing:
//   1. the old cluster is opened in-process and brought to the current migrations (one connection);
//   2. every table is copied into the new server in ONE transaction, triggers off (the ledger's
//      freeze and append-only triggers would refuse rows that are already final), sequences moved on;
//   3. row counts are compared, then .data/pglite is renamed .data/pglite-migrated-<time> as a backup.
// The old folder is only ever read; if anything fails the new database is left as it was.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "../prisma-engine/migrations.mjs";
import { freePort } from "./embedded-postgres.mjs";

const LEGACY = "pglite";

/** The folder of a PGlite installation of an earlier version in `dataDir`, or null. */
export function legacyPgliteDir(dataDir) {
  const dir = path.join(dataDir, LEGACY);
  return fs.existsSync(path.join(dir, "pgdata", "PG_VERSION")) ? dir : null;
}

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

/** Opens the old PGlite cluster and serves it on a loopback port for our migration engine. */
async function openLegacy(dir) {
  // Imported here: only an upgrade from an old installation needs PGlite at all.
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  // The current migrations create pg_trgm (list search indexes); PGlite ships it as a module to load.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = new PGlite(path.join(dir, "pgdata"), { extensions: { pg_trgm } });
  await db.waitReady;
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 1 });
  await server.start();
  return {
    db,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Copies `.data/pglite` into the database at `targetUrl` (already migrated), unless that database
 * already holds data (a copy that committed before the rename was interrupted).
 * @returns {Promise<{ tables: number, rows: number, backup: string }>}
 */
export async function migrateLegacyPglite({ dataDir, targetUrl, log = () => {} }) {
  const dir = legacyPgliteDir(dataDir);
  if (!dir) throw new Error(`No earlier embedded database in ${dataDir}`);
  const target = new pg.Client({ connectionString: targetUrl });
  await target.connect();
  let copied = { tables: 0, rows: 0 };
  try {
    const { rows: filled } = await target.query("SELECT EXISTS (SELECT 1 FROM users) AS filled");
    if (!filled[0].filled) {
      log(`Moving your data from the earlier embedded database (${path.relative(process.cwd(), dir) || dir}) to PostgreSQL…`);
      const legacy = await openLegacy(dir);
      try {
        const applied = await deployMigrations({ url: legacy.url });
        if (applied.length) log(`Brought the earlier database up to date first: ${applied.join(", ")}`);
        copied = await copyTables(legacy.db, target);
      } finally {
        await legacy.close();
      }
    }
  } finally {
    await target.end();
  }
  const backup = `${dir}-migrated-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(dir, backup);
  log(`Moved ${copied.rows} rows in ${copied.tables} tables. The earlier files are kept in ${path.relative(process.cwd(), backup) || backup}; delete that folder when you no longer need it.`);
  return { ...copied, backup };
}

async function copyTables(source, target) {
  const { rows: tables } = await source.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename",
  );
  let total = 0;
  await target.query("BEGIN");
  try {
    // Replica mode skips triggers, foreign keys included: rows arrive in any order, and issued
    // invoices or append-only rows are inserted as they are, not re-validated as new writes.
    await target.query("SET LOCAL session_replication_role = replica");
    // Reference rows that migrations insert (numbering patterns…) are in the old database too.
    await target.query(`TRUNCATE ${tables.map((t) => quote(t.tablename)).join(", ")}`);
    for (const { tablename } of tables) {
      const { rows } = await source.query(`SELECT row_to_json(t)::text AS row FROM ${quote(tablename)} t`);
      for (let i = 0; i < rows.length; i += 500) {
        const batch = `[${rows.slice(i, i + 500).map((r) => r.row).join(",")}]`;
        await target.query(`INSERT INTO ${quote(tablename)} SELECT * FROM json_populate_recordset(NULL::${quote(tablename)}, $1::json)`, [batch]);
      }
      const { rows: counted } = await target.query(`SELECT count(*)::int AS n FROM ${quote(tablename)}`);
      if (counted[0].n !== rows.length) throw new Error(`table ${tablename}: ${rows.length} rows read, ${counted[0].n} written`);
      total += rows.length;
    }
    // Serial columns continue after the highest id copied.
    const { rows: sequences } = await target.query(`
      SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
      FROM pg_class s
      JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S'`);
    for (const { seq, tbl, col } of sequences) {
      await target.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${quote(col)}) FROM ${quote(tbl)}), 0) + 1, false)`, [quote(seq)]);
    }
    await target.query("COMMIT");
  } catch (e) {
    await target.query("ROLLBACK").catch(() => {});
    throw e;
  }
  return { tables: tables.length, rows: total };
}
