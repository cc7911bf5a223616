// Prisma's schema engine (migrations, introspection, diff) compiled to WASM, loaded in plain Node and
// connected to PostgreSQL through @prisma/adapter-pg, with the fixes the adapter needs to behave like
// the native engine. Used by schema-engine.mjs (the CLI stand-in) and migrations.mjs (our API).
import { randomUUID } from "node:crypto";
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
// The package targets bundlers (`import * as wasm from "./x.wasm"`), which Node 20 cannot import:
// instantiate the module ourselves against its JS glue.
function wasmPath() {
  if (process.env.SCHEMA_ENGINE_WASM) return path.resolve(process.env.SCHEMA_ENGINE_WASM);
  return path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
}

/** The glue reports Rust panics through this global before throwing RuntimeError("unreachable"). */
export const panic = { last: null };
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => (panic.last = m) };

let loaded = false;
function loadWasm() {
  if (loaded) return glue;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath())), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  loaded = true;
  return glue;
}

export const engineVersion = () => loadWasm().version();

// ---------------------------------------------------------------- adapter fixes
// adapter-pg has no mapping for PostgreSQL's internal `"char"` type (OID 18), which the schema
// describer reads from pg_catalog (relkind, contype...) with get_char(): "Column type 'char' could not
// be deserialized". We relabel those columns as text at the pg level and tag their name, then turn the
// tag into ColumnType Character at the adapter level.
const CHAR_TAG = '\u0000"char"';
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    const relabel = (res) => {
      for (const r of Array.isArray(res) ? res : [res])
        for (const f of r?.fields ?? []) if (f.dataTypeID === 18) Object.assign(f, { dataTypeID: 25, name: f.name + CHAR_TAG });
      return res;
    };
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") return super.query(config, values, (err, res) => callback(err, err ? res : relabel(res)));
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

// Discrete host/user/database fields, never `connectionString`: the adapter opens the shadow database
// with `{ ...config, database }`, and pg lets a connectionString override `database`, so the "shadow"
// would silently be the main database. One connection (max: 1), like the native engine, which holds
// a session-level advisory lock it never releases explicitly.
function pgConfig(url) {
  const { schema: _schema, sslmode, ...cfg } = parseConnectionString(url);
  if (sslmode === "disable") cfg.ssl = false;
  return { ...cfg, Client: CharAsTextClient, max: 1 };
}
const schemaOf = (url) => new URL(url).searchParams.get("schema") ?? undefined;

// adapter-pg's executeScript splits on ";" and runs the pieces one by one: a failing migration is left
// half-applied, and ";" inside strings or $$ bodies breaks. The native engine sends the script as ONE
// simple-protocol query (one implicit transaction, all or nothing): do that.
function withAtomicScripts(adapter) {
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

// The WASM engine does not reset an explicit shadow database before replaying migrations into it
// (the native one does): empty it before and after use.
const RESET_SQL = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')
           AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$;`;

const sameDatabase = (a, b) => {
  const x = parseConnectionString(a);
  const y = parseConnectionString(b);
  return x.host === y.host && String(x.port ?? 5432) === String(y.port ?? 5432) && x.database === y.database;
};

class MigrationPg extends PrismaPg {
  constructor(url, shadowUrl) {
    super(pgConfig(url), { schema: schemaOf(url) });
    this.url = url;
    this.shadowUrl = shadowUrl;
  }

  async connect() {
    return withAtomicScripts(await super.connect());
  }

  async connectToShadowDb() {
    if (this.shadowUrl) {
      if (sameDatabase(this.shadowUrl, this.url)) throw new Error("The shadow database must not be the main database.");
      const shadow = withAtomicScripts(await new PrismaPg(pgConfig(this.shadowUrl), { schema: schemaOf(this.shadowUrl) }).connect());
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
    // A throwaway database on the same server. adapter-pg drops it before closing its pool ("being
    // accessed by other users"): we close first, then drop.
    const admin = await this.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = withAtomicScripts(await new PrismaPg({ ...pgConfig(this.url), database: name }, { schema: schemaOf(this.url) }).connect());
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      try {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await admin.dispose();
      }
    };
    // A server that ignores database names (PGlite's socket server) would replay into the main one.
    const [current] = (await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] })).rows[0];
    if (current !== name) {
      await shadow.dispose();
      throw new Error(`Connected to "${current}" instead of the new shadow database: set a separate shadowDatabaseUrl.`);
    }
    return shadow;
  }
}

// ---------------------------------------------------------------- the engine
// The WASM engine panics when started without any schema file (`migrate diff`, `db execute`).
const STUB_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';
let lastErrorRegistry = null;

/**
 * @param {{ url: string, shadowUrl?: string, datamodels?: [string, string][], log?: (line: string) => void }} options
 */
export async function createSchemaEngine({ url, shadowUrl, datamodels = [], log = () => {} }) {
  const { SchemaEngine } = loadWasm();
  const factory = bindMigrationAwareSqlAdapterFactory(new MigrationPg(url, shadowUrl));
  const engine = await SchemaEngine.new({ datamodels: datamodels.length ? datamodels : [["schema.prisma", STUB_SCHEMA]] }, log, factory);
  lastErrorRegistry = factory.errorRegistry;
  return engine;
}

/** Plain JS errors thrown inside the adapter reach the engine as "External error id#N": recover the text. */
export function explainError(message) {
  return String(message).replace(/External error id#(\d+)/g, (m, id) => {
    const e = lastErrorRegistry?.consumeError(Number(id))?.error;
    return e ? `${m}: ${e.message ?? e}` : m;
  });
}

/**
 * evaluateDataLoss / createMigration only find the shadow database when an earlier call warmed an
 * internal cache; on a cold cache they fail with this message, so we warm it and retry.
 */
export const NO_SHADOW = "shadow DB must be provided through an external factory";
export async function withWarmShadowCache(engine, method, params) {
  try {
    return await engine[method](params);
  } catch (e) {
    if (!String(e?.message).includes(NO_SHADOW)) throw e;
    await engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
    return await engine[method](params);
  }
}
