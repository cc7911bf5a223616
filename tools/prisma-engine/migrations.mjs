#!/usr/bin/env node
// Prisma migrations without the Prisma CLI (fast: for start-up and test setup), through the same WASM
// engine as schema-engine.mjs. Reads <migrationsDir>/<timestamp>_<name>/migration.sql and keeps the
// _prisma_migrations table exactly as `prisma migrate deploy` / `prisma migrate status` do.
//   node tools/prisma-engine/migrations.mjs deploy|status [--url URL] [--migrations DIR] [--schema FILE]
// (default url: $DATABASE_URL; status exits with 1 when the database is not up to date)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openSchemaEngine } from "./wasm-engine.mjs";

/** Relative paths given to the API are resolved against the repository root, not the cwd. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const filters = { externalTables: [], externalEnums: [] };
const LOCKFILE = "migration_lock.toml";

/** The migrations folder in the shape the engine expects (the same listing as the Prisma CLI). */
function migrationsList(migrationsDir) {
  const baseDir = path.resolve(root, migrationsDir);
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const read = (file) => {
    try {
      return { tag: "ok", value: fs.readFileSync(file, "utf8") };
    } catch (e) {
      return { tag: "error", value: e.message };
    }
  };
  const lockPath = path.join(baseDir, LOCKFILE);
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: { path: "migration.sql", content: read(path.join(baseDir, d, "migration.sql")) },
    })),
  };
}

/** The URL without its password, for error messages. */
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(an invalid database URL)";
  }
}

async function withEngine({ url, schemaPath }, what, work) {
  if (!url) throw new Error(`Could not ${what}: no database URL given.`);
  const file = path.resolve(root, schemaPath);
  let session;
  try {
    session = await openSchemaEngine({ url, datamodels: [[file, fs.readFileSync(file, "utf8")]] });
    return await work(session);
  } catch (e) {
    const text = session ? session.describeError(e) : String(e?.message ?? e);
    // The engine appends its Rust span trace: noise for our callers, except the migration's name.
    const migration = /migration_name="([^"]+)"/.exec(text)?.[1];
    const reason = text.replace(/\n\s+0: [\s\S]*$/, "").trim();
    const where = migration ? `, migration ${migration} failed` : "";
    throw new Error(`Could not ${what} on ${redactUrl(url)}${where}: ${reason}`, { cause: e });
  } finally {
    // Frees the engine and closes its connections: the process can exit, and the session-level
    // advisory lock the engine took is released now, not when pg's idle timeout fires.
    await session?.close().catch(() => {}); // never hide the real error
  }
}

/**
 * Applies the pending migrations, each in one transaction (a failing one leaves nothing behind and
 * is recorded as failed). Returns the names applied, in order (empty when already up to date).
 * @param {{ url: string, migrationsDir?: string, schemaPath?: string }} options
 * @returns {Promise<string[]>}
 */
export async function deployMigrations({
  url,
  migrationsDir = "prisma/migrations",
  schemaPath = "prisma/schema.prisma",
}) {
  return withEngine({ url, schemaPath }, "apply the migrations", async (session) => {
    const { appliedMigrationNames } = await session.call("applyMigrations", {
      migrationsList: migrationsList(migrationsDir),
      filters,
    });
    return appliedMigrationNames;
  });
}

/**
 * Where the database stands against the migrations folder. Read-only.
 * @param {{ url: string, migrationsDir?: string, schemaPath?: string }} options
 * @returns {Promise<{ upToDate: boolean, pending: string[], failed: string[], onlyInDatabase: string[] }>}
 */
export async function migrationStatus({
  url,
  migrationsDir = "prisma/migrations",
  schemaPath = "prisma/schema.prisma",
}) {
  return withEngine({ url, schemaPath }, "read the migration status", async (session) => {
    const r = await session.call("diagnoseMigrationHistory", {
      migrationsList: migrationsList(migrationsDir),
      optInToShadowDatabase: false,
      filters,
    });
    const pending = r.history?.unappliedMigrationNames ?? [];
    const onlyInDatabase = r.history?.unpersistedMigrationNames ?? [];
    const failed = r.failedMigrationNames ?? [];
    return { upToDate: r.history === null && failed.length === 0, pending, failed, onlyInDatabase };
  });
}

// ---------------------------------------------------------------- CLI mode
if (process.argv[1] && fs.realpathSync(path.resolve(process.argv[1])) === fileURLToPath(import.meta.url)) {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { url: { type: "string" }, migrations: { type: "string" }, schema: { type: "string" } },
    });
    const [command = "deploy"] = positionals;
    // Paths given on the command line are relative to the cwd, as usual for a CLI.
    const options = {
      url: values.url ?? process.env.DATABASE_URL,
      ...(values.migrations ? { migrationsDir: path.resolve(values.migrations) } : {}),
      ...(values.schema ? { schemaPath: path.resolve(values.schema) } : {}),
    };
    if (command === "deploy") {
      const applied = await deployMigrations(options);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
          : "No pending migrations to apply.",
      );
    } else if (command === "status") {
      const status = await migrationStatus(options);
      console.log(JSON.stringify(status, null, 2));
      process.exitCode = status.upToDate ? 0 : 1;
    } else {
      throw new Error(`Unknown command "${command}" (expected deploy or status).`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
  // No process.exit(): every pool is closed, so the process ends on its own.
}
