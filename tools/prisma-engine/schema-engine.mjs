#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by the WASM engine (PostgreSQL only).
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The CLI (node_modules/prisma/build/cli.js)
// calls it as:
//   schema-engine --version
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels FILE]... --datasource '{"url":...,"shadowDatabaseUrl"?:...}'
//     -> JSON-RPC 2.0 over stdin/stdout, one message per line, handled strictly in order;
//        JSON log lines on stderr.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { engineVersion, openSchemaEngine, panic, pgSettings } from "./wasm-engine.mjs";

const argv = process.argv.slice(2);
const opts = { datamodels: [], datasource: null, cli: null, version: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--version" || a === "-V") opts.version = true;
  else if (a === "--datamodels") opts.datamodels.push(argv[++i]);
  else if (a === "--datasource") opts.datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types")
    i++; // not supported by the WASM engine
  else if (a === "cli") opts.cli = argv[++i];
}

/** The native engine logs JSON lines on stderr; the CLI reads level, fields.message and error_code. */
function logLine(level, message, extra = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: "schema_engine::logger",
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

function datasourceUrl() {
  const url = opts.datasource?.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("schema-engine: no datasource url (pass --datasource or set DATABASE_URL)");
  return url;
}

// ---------------------------------------------------------------- `cli <command>` mode (plain pg)
async function withClient(settings, work) {
  const client = new pg.Client(settings);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (s) => `"${s.replace(/"/g, '""')}"`;

/** CREATE / DROP DATABASE from a maintenance database, like the native engine (postgres, then template1). */
async function createOrDropDatabase(url, drop) {
  const settings = pgSettings(url);
  const name = settings.database || "postgres";
  const sql = `${drop ? "DROP DATABASE IF EXISTS" : "CREATE DATABASE"} ${quoteIdent(name)}`;
  try {
    await withClient({ ...settings, database: "postgres" }, (c) => c.query(sql));
  } catch (e) {
    if (e.code !== "3D000") throw e; // no "postgres" database on this server
    await withClient({ ...settings, database: "template1" }, (c) => c.query(sql));
  }
  return name;
}

function prismaErrorCode(e) {
  if (e.code === "3D000") return "P1003"; // database does not exist: the CLI offers to create it
  if (e.code === "28P01" || e.code === "28000") return "P1000"; // authentication failed
  if (e.code === "42P04") return "P1009"; // database already exists
  return "P1001"; // cannot reach the server
}

async function runCliCommand(command) {
  process.stderr.write("schema-engine (wasm)\n"); // the CLI discards the first stderr line
  try {
    const url = datasourceUrl();
    if (command === "can-connect-to-database") {
      await withClient(pgSettings(url), (c) => c.query("SELECT 1"));
      process.stdout.write("Connection successful\n");
    } else if (command === "create-database" || command === "drop-database") {
      const drop = command === "drop-database";
      const name = await createOrDropDatabase(url, drop);
      process.stdout.write(`Database '${name}' ${drop ? "dropped" : "created"} successfully.\n`);
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

/** The native engine's JSON-RPC methods that the WASM engine implements under the same name. */
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

function rpcError(session, e) {
  // Native shape: { code, message, data: { is_panic, message, error_code, meta } }. The WASM engine's
  // errors carry only a P-code (no meta), so the CLI shows their raw message.
  const errorCode = typeof e?.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : null;
  const isPanic = panic.last !== null;
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: isPanic, message: session.describeError(e), meta: null, error_code: errorCode },
  };
}

async function runRpc() {
  const datamodels = opts.datamodels.map((p) => [p, fs.readFileSync(path.resolve(p), "utf8")]);
  const session = await openSchemaEngine({
    url: datasourceUrl(),
    shadowUrl: opts.datasource?.shadowDatabaseUrl,
    datamodels,
    log: (line) => process.stderr.write(String(line).replace(/\n?$/, "\n")), // already JSON lines
  });

  const handlers = {
    getDatabaseVersion: () => session.engine.version(null),
    createDatabase: async (p) => ({
      databaseName: await createOrDropDatabase(p?.datasource?.url ?? datasourceUrl(), false),
    }),
    diff: async (p) => {
      // The native engine streams the diff to the CLI as a `print` request (the CLI writes it to
      // stdout or --output); the WASM engine returns it instead.
      const res = await session.call("diff", p);
      const content = res?.stdout?.replace(/\n$/, "");
      if (content) send({ jsonrpc: "2.0", id: `print-${Date.now()}`, method: "print", params: { content } });
      return { exitCode: res.exitCode };
    },
  };

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
    if (!msg.method) return; // the CLI's answer to one of our `print` requests
    queue = queue.then(async () => {
      try {
        const handler =
          handlers[msg.method] ?? (ENGINE_METHODS.has(msg.method) && ((p) => session.call(msg.method, p)));
        if (!handler) throw new Error(`Method not supported by the WASM schema engine: ${msg.method}`);
        // JSON-RPC needs `result` present: null, not undefined (which JSON.stringify would drop).
        send({ jsonrpc: "2.0", id: msg.id, result: (await handler(msg.params)) ?? null });
      } catch (e) {
        send({ jsonrpc: "2.0", id: msg.id, error: rpcError(session, e) });
      }
    });
  });

  // The CLI closes stdin and sends SIGTERM right away when it is done: finish the queue, close the
  // pools (which would otherwise keep us alive), exit. Never linger more than a few seconds.
  const finish = () => {
    setTimeout(() => process.exit(0), 3000).unref();
    queue.then(() => session.close()).finally(() => process.exit(0));
  };
  rl.on("close", finish);
  process.on("SIGTERM", finish);
}

// A Rust panic surfaces as an uncaught RuntimeError("unreachable"): report it like the native engine
// (a JSON log line with is_panic, exit code 101) so the CLI shows the panic message.
process.on("uncaughtException", (e) => {
  logLine("ERROR", panic.last ?? e?.stack ?? String(e), { is_panic: true });
  process.exit(101);
});

if (opts.version) process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
else if (opts.cli) process.exitCode = await runCliCommand(opts.cli);
else {
  try {
    await runRpc();
  } catch (e) {
    // Could not even start (bad schema file, unreachable database): say why, like the native engine.
    logLine("ERROR", panic.last ?? String(e?.message ?? e), {
      error_code: typeof e?.code === "string" ? e.code : undefined,
    });
    process.exit(1);
  }
}
