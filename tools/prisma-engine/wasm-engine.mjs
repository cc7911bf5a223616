// Prisma's schema engine (migrations, introspection, diff) compiled to WASM, run in plain Node on
// PostgreSQL through @prisma/adapter-pg, with the fixes the adapter needs to behave like the native
// engine (each one broke a real Prisma command). Used by schema-engine.mjs and migrations.mjs.
import { randomInt, randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- loading the WASM engine
// The glue reports a Rust panic through this global registry, then throws RuntimeError("unreachable"):
// without the registry the panic message is lost. After a panic the WASM instance is unusable.
export const panic = { last: null };
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => (panic.last = message) };

// The engine arms a JS timer for its timeouts (10 s, e.g. around the migration advisory lock) and
// never clears it: a finished `deploy` kept Node alive for 10 more seconds. Unref those timers; while
// the engine really waits on the database, its open socket keeps the process alive anyway.
function unrefTimers(imports) {
  for (const [name, fn] of Object.entries(imports)) {
    if (name.startsWith("__wbg_setTimeout_")) imports[name] = (...args) => fn(...args)?.unref?.();
  }
  return imports;
}

// The package targets bundlers (`import * as wasm from "./x.wasm"`), which plain Node 20 cannot
// import: instantiate the .wasm ourselves with the package's JS glue as the import object.
let loaded = false;
function loadWasm() {
  if (loaded) return glue;
  const file = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm")),
    "schema_engine_bg.wasm",
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {
    "./schema_engine_bg.js": unrefTimers({ ...glue }),
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  loaded = true;
  return glue;
}

/** The engine's commit hash, printed by `schema-engine --version`. */
export const engineVersion = () => loadWasm().version();

// ---------------------------------------------------------------- connection settings
/**
 * pg settings from a URL as DISCRETE fields (host, port, user, password, database), never a
 * `connectionString`: adapter-pg opens its shadow database with `{ ...config, database }`, and pg
 * lets a connectionString override `database`, so the "shadow" replay silently ran in the MAIN
 * database. `?schema=` is Prisma's, not pg's (it goes to the adapter options instead).
 */
export function pgSettings(url) {
  const { schema: _schema, sslmode: _sslmode, ...settings } = parseConnectionString(url);
  // Empty strings would override pg's defaults and PGPASSWORD / PGPORT.
  for (const key of ["password", "port", "host", "user"]) if (settings[key] === "") delete settings[key];
  return settings;
}
const schemaOf = (url) => new URL(url).searchParams.get("schema") ?? undefined;

// ---------------------------------------------------------------- adapter fixes
// adapter-pg has no mapping for PostgreSQL's internal `"char"` type (OID 18), which the schema
// describer reads from pg_catalog (relkind, contype, ...) with get_char(): "Column type 'char' could
// not be deserialized from the database" (broke `migrate dev` as soon as a CHECK constraint existed).
// At the pg level we relabel those columns as text and tag their name; at the adapter level the tag
// becomes ColumnType Character, which is what the describer expects.
const CHAR_TAG = '\u0000"char"';
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    const relabel = (res) => {
      for (const r of Array.isArray(res) ? res : [res])
        for (const f of r?.fields ?? [])
          if (f.dataTypeID === 18) Object.assign(f, { dataTypeID: 25, name: f.name + CHAR_TAG });
      return res;
    };
    if (typeof values === "function") [values, callback] = [undefined, values];
    // pg.Pool#query calls client.query(text, values, callback); other callers get a promise.
    if (typeof callback === "function")
      return super.query(config, values, (err, res) => callback(err, err ? res : relabel(res)));
    const ret = super.query(config, values);
    return ret && typeof ret.then === "function" ? ret.then(relabel) : ret;
  }
}

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const res = await queryRaw(query);
    res.columnNames = res.columnNames.map((name, i) => {
      if (!name.endsWith(CHAR_TAG)) return name;
      res.columnTypes[i] = ColumnTypeEnum.Character;
      return name.slice(0, -CHAR_TAG.length);
    });
    return res;
  };
  if (queryable.startTransaction) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  }
  return queryable;
}

// adapter-pg's executeScript splits the script on ";" and runs the pieces one by one: a failing
// migration was left half-applied, and ";" inside strings, comments or $$ bodies broke the SQL. The
// native engine sends the whole script as ONE simple-protocol query, which PostgreSQL runs in one
// implicit transaction (all or nothing): do the same.
function fixAdapter(adapter) {
  withCharColumns(adapter);
  adapter.executeScript = async (script) => {
    const client = await adapter.underlyingDriver().connect();
    try {
      await client.query(script);
    } catch (e) {
      adapter.onError(e); // rethrows as a DriverAdapterError, like the original
    } finally {
      client.release();
    }
  };
  return adapter;
}

// An explicit shadow database is NOT reset by the WASM engine before it replays the migrations into
// it (the native engine does), so a dirty one failed with "type ... already exists": we empty it
// before and after use.
const RESET_SQL = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')
           AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$;`;

// True when two pools reach the same database whatever their URLs say (localhost vs 127.0.0.1, or
// PGlite's socket server, which ignores database names): an advisory lock taken through one shows in
// pg_locks, for the current database, through the other. Resetting such a "shadow" would wipe the data.
const SEEN_LOCK_SQL = `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2
  AND classid = $1::int::oid AND objid = $2::int::oid
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
async function sameDatabase(poolA, poolB) {
  const [k1, k2] = [randomInt(1, 2 ** 31 - 1), randomInt(1, 2 ** 31 - 1)];
  const client = await poolB.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::int, $2::int)", [k1, k2]);
    const { rows } = await poolA.query(SEEN_LOCK_SQL, [k1, k2]);
    return rows[0].n > 0;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1::int, $2::int)", [k1, k2]).catch(() => {});
    client.release();
  }
}

// max: 1 -> one session, like the native engine, which takes a session-level advisory lock
// (pg_advisory_lock(72707369)) and never releases it explicitly: a second pooled session of the same
// engine could wait on it forever.
function poolSettings(url, database) {
  const settings = { ...pgSettings(url), Client: CharAsTextClient, max: 1 };
  if (database) settings.database = database;
  return settings;
}

/** adapter-pg's factory, fixed for the schema engine, and able to close everything it opened. */
class MigrationPg extends PrismaPg {
  constructor(url, shadowUrl) {
    super(poolSettings(url), { schema: schemaOf(url) });
    this.url = url;
    this.shadowUrl = shadowUrl;
    this.open = new Set(); // adapters to dispose on close(); the engine never disposes its main one
  }

  track(adapter) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => (this.open.delete(adapter) ? dispose() : undefined); // once
    this.open.add(adapter);
    return adapter;
  }

  async connect() {
    return this.track(fixAdapter(await super.connect()));
  }

  async connectTo(url, database) {
    return fixAdapter(await new PrismaPg(poolSettings(url, database), { schema: schemaOf(url) }).connect());
  }

  async connectToShadowDb() {
    return this.track(this.shadowUrl ? await this.externalShadow() : await this.throwawayShadow());
  }

  async externalShadow() {
    const main = await this.connect();
    const shadow = await this.connectTo(this.shadowUrl);
    try {
      if (await sameDatabase(main.underlyingDriver(), shadow.underlyingDriver()))
        throw new Error("The shadow database (shadowDatabaseUrl) is the main database: it would be wiped.");
    } catch (e) {
      await shadow.dispose();
      throw e;
    } finally {
      await main.dispose();
    }
    await shadow.executeScript(RESET_SQL);
    const close = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await shadow.executeScript(RESET_SQL);
      } finally {
        await close();
      }
    };
    return shadow;
  }

  // A throwaway database on the main server (the role needs CREATEDB). adapter-pg drops it BEFORE
  // closing the shadow pool ("database ... is being accessed by other users"): we close, then drop.
  async throwawayShadow() {
    const admin = await this.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    let shadow = null;
    const closeThenDrop = async () => {
      try {
        await shadow?.closePool();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await admin.dispose();
      }
    };
    try {
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      shadow = await this.connectTo(this.url, name);
    } catch (e) {
      await closeThenDrop().catch(() => {});
      throw e;
    }
    shadow.closePool = shadow.dispose.bind(shadow);
    shadow.dispose = closeThenDrop;
    // Check that we really landed in the new database: PGlite's socket server ignores database names,
    // so the migrations would be replayed into (and then reset out of) the main database.
    const { rows } = await shadow.underlyingDriver().query("SELECT current_database() AS db");
    if (rows[0].db !== name) {
      await shadow.dispose();
      throw new Error(
        `Landed in "${rows[0].db}", not in the new shadow database (PGlite ignores database names): ` +
          "set datasource.shadowDatabaseUrl to a separate, disposable database server.",
      );
    }
    return shadow;
  }

  /** Disposes every adapter still open (shadows first: dropping one needs its admin connection). */
  async closeAll() {
    const open = [...this.open].reverse();
    for (const adapter of open) await adapter.dispose().catch(() => {});
  }
}

// ---------------------------------------------------------------- the engine
// The WASM engine panics when started without any schema file (`migrate diff` and `db execute` start
// it without --datamodels): give it a stub.
const STUB_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

// evaluateDataLoss / createMigration only reach the shadow database when an earlier call warmed an
// internal cache of the engine; on a cold cache they fail with this message, so we warm it and retry.
const NO_SHADOW = "shadow DB must be provided through an external factory";
const NEEDS_WARM_CACHE = new Set(["evaluateDataLoss", "createMigration"]);

/**
 * Starts the WASM schema engine on a PostgreSQL database.
 * @param {{ url: string, shadowUrl?: string, datamodels?: [string, string][], log?: (line: string) => void }} options
 *   datamodels: [path, content] pairs of the Prisma schema files.
 */
export async function openSchemaEngine({ url, shadowUrl, datamodels = [], log = () => {} }) {
  const { SchemaEngine } = loadWasm();
  const adapters = new MigrationPg(url, shadowUrl);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters);
  const files = datamodels.length ? datamodels : [["schema.prisma", STUB_SCHEMA]];
  let engine;
  try {
    engine = await SchemaEngine.new({ datamodels: files }, log, factory);
  } catch (e) {
    await adapters.closeAll();
    throw e;
  }
  let closed = false;
  return {
    engine,
    /** Calls an engine method (retrying the ones that need a warm shadow cache). */
    async call(method, params) {
      try {
        return await engine[method](params);
      } catch (e) {
        if (!NEEDS_WARM_CACHE.has(method) || !String(e?.message).includes(NO_SHADOW)) throw e;
        const { migrationsList, filters } = params;
        await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
        return await engine[method](params);
      }
    },
    /** The text of an engine error, with the panic message or the adapter's own error recovered. */
    describeError(e) {
      const message = panic.last ?? String(e?.message ?? e);
      panic.last = null;
      // Plain JS errors thrown inside the adapter reach the engine as "External error id#N".
      return message.replace(/External error id#(\d+)/g, (m, id) => {
        const original = factory.errorRegistry?.consumeError(Number(id))?.error;
        return original ? String(original.message ?? original) : m;
      });
    },
    /** Frees the engine and closes every pool it opened, so the process can exit. Idempotent. */
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
      } finally {
        await adapters.closeAll();
      }
    },
  };
}
