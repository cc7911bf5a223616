#!/usr/bin/env node
// Applying Prisma migrations without the Prisma CLI (fast enough for start-up and test setup), through
// the same WASM engine. Reads prisma/migrations/<timestamp>_<name>/migration.sql and keeps the
// _prisma_migrations table exactly as `prisma migrate deploy` does.
//   node tools/prisma-engine/migrations.mjs deploy|status [--url URL]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createSchemaEngine, explainError, panic } from "./wasm-engine.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const filters = { externalTables: [], externalEnums: [] };

function migrationsList(migrationsDir) {
  const baseDir = path.resolve(root, migrationsDir);
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const read = (p) => {
    try {
      return { tag: "ok", value: fs.readFileSync(p, "utf8") };
    } catch (e) {
      return { tag: "error", value: e.message };
    }
  };
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({ path: d, migrationFile: { path: "migration.sql", content: read(path.join(baseDir, d, "migration.sql")) } })),
  };
}

async function withEngine({ url, schemaPath }, work) {
  const file = path.resolve(root, schemaPath);
  const engine = await createSchemaEngine({ url, datamodels: [[file, fs.readFileSync(file, "utf8")]] });
  try {
    return await work(engine);
  } catch (e) {
    throw new Error(panic.last ?? explainError(e?.message ?? e));
  } finally {
    // Closes the engine's pool so the process can exit.
    engine.free?.();
  }
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function deployMigrations({ url, migrationsDir = "prisma/migrations", schemaPath = "prisma/schema.prisma" }) {
  return withEngine({ url, schemaPath }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(migrationsDir), filters });
    return appliedMigrationNames;
  });
}

/** Where the database stands against the migration folder. */
export async function migrationStatus({ url, migrationsDir = "prisma/migrations", schemaPath = "prisma/schema.prisma" }) {
  return withEngine({ url, schemaPath }, async (engine) => {
    const r = await engine.diagnoseMigrationHistory({ migrationsList: migrationsList(migrationsDir), optInToShadowDatabase: false, filters });
    const pending = r.history?.diagnostic === "databaseIsBehind" ? r.history.unappliedMigrationNames : [];
    const failed = r.failedMigrationNames ?? [];
    return { upToDate: !r.history && failed.length === 0, pending, failed, history: r.history ?? null };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { url: { type: "string" } } });
  const url = values.url ?? process.env.DATABASE_URL;
  const command = positionals[0] ?? "deploy";
  try {
    if (!url) throw new Error("pass --url or set DATABASE_URL");
    if (command === "deploy") {
      const applied = await deployMigrations({ url });
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations to apply.");
    } else if (command === "status") {
      const status = await migrationStatus({ url });
      console.log(JSON.stringify(status, null, 2));
      process.exitCode = status.upToDate ? 0 : 1;
    } else throw new Error(`unknown command ${command} (deploy | status)`);
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
  process.exit();
}
