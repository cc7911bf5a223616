#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by the WASM engine (PostgreSQL only).
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The CLI calls it as:
//   schema-engine --version
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels FILE]... --datasource '{"url":...,"shadowDatabaseUrl"?:...}'
//     -> JSON-RPC 2.0 over stdin/stdout, one message per line, handled strictly in order;
//        JSON log lines on stderr.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { createSchemaEngine, engineVersion, explainError, panic, withWarmShadowCache } from "./wasm-engine.mjs";

const argv = process.argv.slice(2);
const opts = { datamodels: [], datasource: null, cli: null, version: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--version" || a === "-V") opts.version = true;
  else if (a === "--datamodels") opts.datamodels.push(argv[++i]);
  else if (a === "--datasource") opts.datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++; // not supported by the WASM engine
  else if (a === "cli") opts.cli = argv[++i];
}

/** The native engine logs JSON lines on stderr; the CLI reads level, fields.message and error_code. */
function logLine(level, message, extra = {}) {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`);
}

function datasourceUrl() {
  const url = opts.datasource?.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("schema-engine: no datasource url (pass --datasource or set DATABASE_URL)");
  return url;
}

// ---------------------------------------------------------------- `cli <command>` mode
const quoteIdent = (s) => `"${s.replace(/"/g, '""')}"`;
async function createOrDropDatabase(url, drop) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(`${drop ? "DROP DATABASE IF EXISTS" : "CREATE DATABASE"} ${quoteIdent(name)}`);
  } finally {
    await c.end();
  }
  return name;
}

function prismaErrorCode(e) {
  if (e.code === "3D000") return "P1003"; // database does not exist: the CLI offers to create it
  if (e.code === "28P01" || e.code === "28000") return "P1000"; // authentication failed
  return "P1001"; // cannot reach the server
}

async function runCliCommand(command) {
  const url = datasourceUrl();
  process.stderr.write("schema-engine (wasm)\n"); // the CLI discards the first stderr line
  try {
    if (command === "can-connect-to-database") {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      process.stdout.write("Connection successful\n");
    } else if (command === "create-database" || command === "drop-database") {
      const name = await createOrDropDatabase(url, command === "drop-database");
      process.stdout.write(`Database '${name}' ${command === "drop-database" ? "dropped" : "created"} successfully.\n`);
    } else {
      throw new Error(`Unsupported cli command: ${command}`);
    }
    return 0;
  } catch (e) {
    logLine("ERROR", e.message, { error_code: prismaErrorCode(e) });
    return 1;
  }
}

// ---------------------------------------------------------------- JSON-RPC mode
const send = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);

function toRpcError(e) {
  // Native shape: { code, message, data: { is_panic, message, error_code, meta } }; the WASM errors
  // carry only a P-code, no meta.
  const errorCode = typeof e?.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : null;
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message: explainError(e?.message ?? e), meta: null, error_code: errorCode },
  };
}

async function runRpc() {
  const datamodels = opts.datamodels.map((p) => [p, fs.readFileSync(path.resolve(p), "utf8")]);
  const engine = await createSchemaEngine({
    url: datasourceUrl(),
    shadowUrl: opts.datasource?.shadowDatabaseUrl,
    datamodels,
    log: (line) => process.stderr.write(String(line).replace(/\n?$/, "\n")),
  });

  const handlers = {
    getDatabaseVersion: () => engine.version(null),
    createDatabase: async (p) => ({ databaseName: await createOrDropDatabase(p?.datasource?.url ?? datasourceUrl(), false) }),
    evaluateDataLoss: (p) => withWarmShadowCache(engine, "evaluateDataLoss", p),
    createMigration: (p) => withWarmShadowCache(engine, "createMigration", p),
    diff: async (p) => {
      // The native engine streams the diff to the CLI as a `print` request; the WASM one returns it.
      const res = await engine.diff(p);
      if (res?.stdout) send({ jsonrpc: "2.0", id: `print-${Date.now()}`, method: "print", params: { content: res.stdout.replace(/\n$/, "") } });
      return { exitCode: res.exitCode };
    },
  };
  for (const method of [
    "applyMigrations", "dbExecute", "devDiagnostic", "diagnoseMigrationHistory", "ensureConnectionValidity",
    "introspect", "markMigrationApplied", "markMigrationRolledBack", "reset", "schemaPush", "introspectSql", "debugPanic",
  ]) handlers[method] ??= (p) => engine[method](p);

  let queue = Promise.resolve(); // strictly in order, like the native engine
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (!msg.method) return; // the CLI's answer to our `print` request
    queue = queue.then(async () => {
      try {
        const handler = handlers[msg.method];
        if (!handler) throw new Error(`Method not supported by the WASM schema engine: ${msg.method}`);
        send({ jsonrpc: "2.0", id: msg.id, result: (await handler(msg.params)) ?? null });
      } catch (e) {
        send({ jsonrpc: "2.0", id: msg.id, error: toRpcError(e) });
      }
    });
  });
  // The CLI closes stdin and SIGTERMs at once when done: finish the queue, then exit (open pools
  // would otherwise keep the process alive).
  rl.on("close", () => queue.then(() => process.exit(0)));
}

// A Rust panic surfaces as an uncaught RuntimeError("unreachable"): report it like the native engine.
process.on("uncaughtException", (e) => {
  logLine("ERROR", panic.last ?? e?.stack ?? String(e), { is_panic: true });
  process.exit(101);
});

if (opts.version) process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
else if (opts.cli) process.exitCode = await runCliCommand(opts.cli);
else await runRpc();
