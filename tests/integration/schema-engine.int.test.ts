import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations, migrationStatus } from "../../tools/prisma-engine/migrations.mjs";

/**
 * The unmodified Prisma CLI, run offline through tools/prisma-engine against a real PostgreSQL, in
 * throwaway projects holding a small sample schema (never the app's schema or database). Each project
 * carries a verbatim copy of the repository's prisma.config.ts, so the config itself is under test.
 * Self-contained: needs only a PostgreSQL server whose role may CREATEDB (TEST_DATABASE_URL, or the
 * local 127.0.0.1:5432).
 */
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/prisma/build/index.js");
const shim = path.join(root, "tools/prisma-engine/schema-engine.mjs");
const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const suffix = `${Date.now()}_${randomBytes(3).toString("hex")}`;
const db = { dev: `engine_dev_${suffix}`, deploy: `engine_deploy_${suffix}`, prog: `engine_prog_${suffix}` };
const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-schema-engine-"));
const FN = "20990101000000_functions";
const BROKEN = "20990102000000_broken";

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Plan {
  MONTHLY
  ANNUAL
}

model Account {
  id    Int    @id @default(autoincrement())
  email String @unique
  plan  Plan   @default(MONTHLY)
  sites Site[]
}

model Site {
  id        Int     @id @default(autoincrement())
  name      String
  accountId Int
  account   Account @relation(fields: [accountId], references: [id])
}
`;

const FUNCTION_SQL = `-- semicolons; inside a comment,
CREATE FUNCTION site_label(site_name text, n int) RETURNS text AS $$
DECLARE
  result text := '';
BEGIN
  FOR i IN 1..n LOOP
    result := result || site_name || ';';
  END LOOP;
  RETURN result;
END;
$$ LANGUAGE plpgsql;
COMMENT ON TABLE "Site" IS 'one row; per location';
`;
const BROKEN_SQL = 'ALTER TABLE "Account" ADD COLUMN "nickname" TEXT;\nCREATE TABLE "AuditLog" ("id" SERIAL PRIMARY KEY);\nSELECT no_such_function();\n';

/** A scratch project: the repo's prisma.config.ts (copied), the sample schema, `tools` and `node_modules` linked. */
function project(name: string, migrations: Record<string, string> = {}, from?: string) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, "prisma", "migrations"), { recursive: true });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.symlinkSync(path.join(root, "tools"), path.join(dir, "tools"));
  fs.copyFileSync(path.join(root, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  fs.writeFileSync(path.join(dir, "prisma", "schema.prisma"), SCHEMA);
  if (from) fs.cpSync(path.join(from, "prisma", "migrations"), path.join(dir, "prisma", "migrations"), { recursive: true });
  for (const [folder, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, "prisma", "migrations", folder));
    fs.writeFileSync(path.join(dir, "prisma", "migrations", folder, "migration.sql"), sql);
  }
  return dir;
}
const migrationsOf = (dir: string) => ({ migrationsDir: path.join(dir, "prisma/migrations"), schemaPath: path.join(dir, "prisma/schema.prisma") });
const folders = (dir: string) => fs.readdirSync(path.join(dir, "prisma/migrations")).filter((f) => !f.endsWith(".toml")).sort();

type Run = { code: number; out: string; ms: number };
/** Runs a Node script; resolves with its exit code and output (never rejects). */
function node(args: string[], cwd: string, env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NEXT_TELEMETRY_DISABLED: "1" };
  delete childEnv.PRISMA_SCHEMA_ENGINE_BINARY; // the copied prisma.config.ts must set it
  delete childEnv.DATABASE_URL;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: childEnv, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}`, ms: Date.now() - started });
    });
  });
}
const prisma = (cwd: string, args: string[], env: Record<string, string | undefined> = {}) => node([cli, ...args], cwd, env);

async function sql<T = Record<string, unknown>>(database: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database === "" ? serverUrl : urlOf(database) });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
const one = async (database: string, text: string) => Object.values((await sql(database, text))[0] ?? {})[0];
const shadowDatabases = async () =>
  (await sql<{ datname: string }>("", "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_migrate\\_shadow\\_db\\_%'")).map((r) => r.datname);

/** Shadow databases that appeared since `before` and stay (others' transient ones are given time to go). */
async function leakedShadows(before: string[]) {
  let leaked = (await shadowDatabases()).filter((d) => !before.includes(d));
  if (leaked.length) await new Promise((r) => setTimeout(r, 3000));
  leaked = (await shadowDatabases()).filter((d) => leaked.includes(d));
  return leaked;
}

let main = ""; // the project where `migrate dev` writes the first migration
beforeAll(async () => {
  for (const name of [db.deploy, db.prog]) await sql("", `CREATE DATABASE "${name}"`); // db.dev: the CLI creates it
  main = project("main");
}, 60_000);

afterAll(async () => {
  for (const name of Object.values(db)) await sql("", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe("the Prisma CLI, offline through tools/prisma-engine", { timeout: 120_000 }, () => {
  it("migrate dev creates the database and the first migration, through a throwaway shadow database", async () => {
    const before = await shadowDatabases();
    const r = await prisma(main, ["migrate", "dev", "--name", "init"], { DATABASE_URL: urlOf(db.dev) });
    expect(r.code, r.out).toBe(0);
    const [init, ...others] = folders(main);
    expect(others).toEqual([]);
    expect(init).toMatch(/^\d{14}_init$/);
    const migration = fs.readFileSync(path.join(main, "prisma/migrations", String(init), "migration.sql"), "utf8");
    expect(migration).toContain(`CREATE TYPE "Plan" AS ENUM ('MONTHLY', 'ANNUAL');`);
    expect(migration).toContain('CREATE TABLE "Account"');
    expect(migration).toMatch(/ADD CONSTRAINT "Site_accountId_fkey" FOREIGN KEY \("accountId"\) REFERENCES "Account"\("id"\)/);
    expect(fs.readFileSync(path.join(main, "prisma/migrations/migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(await one(db.dev, `SELECT count(*)::int FROM information_schema.tables WHERE table_name IN ('Account', 'Site')`)).toBe(2);
    expect(await leakedShadows(before)).toEqual([]);
  });

  it("migrate deploy applies it to a fresh database", async () => {
    const r = await prisma(main, ["migrate", "deploy"], { DATABASE_URL: urlOf(db.deploy) });
    expect(r.code, r.out).toBe(0);
    expect(await one(db.deploy, `SELECT count(*)::int FROM information_schema.tables WHERE table_name IN ('Account', 'Site')`)).toBe(2);
    expect(await one(db.deploy, "SELECT count(*)::int FROM _prisma_migrations WHERE finished_at IS NOT NULL")).toBe(1);
  });

  it("migrate status says the database is up to date", async () => {
    const r = await prisma(main, ["migrate", "status"], { DATABASE_URL: urlOf(db.deploy) });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("Database schema is up to date");
  });

  it("migrate diff finds no difference between the migrations and the schema (and one from empty)", async () => {
    const same = await prisma(main, ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
      DATABASE_URL: urlOf(db.dev),
    });
    expect(same.code, same.out).toBe(0);
    const fromEmpty = await prisma(main, ["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"], {
      DATABASE_URL: urlOf(db.dev),
    });
    expect(fromEmpty.code, fromEmpty.out).toBe(2);
    expect(fromEmpty.out).toContain('CREATE TABLE "Site"');
  });

  it("applies a plpgsql function whose $$ body holds semicolons", async () => {
    const withFunction = project("with-function", { [FN]: FUNCTION_SQL }, main);
    const r = await prisma(withFunction, ["migrate", "deploy"], { DATABASE_URL: urlOf(db.deploy) });
    expect(r.code, r.out).toBe(0);
    expect(await one(db.deploy, "SELECT site_label('a', 2)")).toBe("a;a;");
    expect(await one(db.deploy, `SELECT obj_description('"Site"'::regclass)`)).toBe("one row; per location");
  });

  it("a failing migration leaves nothing half-applied, and status reports it failed", async () => {
    const broken = project("broken", { [FN]: FUNCTION_SQL, [BROKEN]: BROKEN_SQL }, main);
    const r = await prisma(broken, ["migrate", "deploy"], { DATABASE_URL: urlOf(db.deploy) });
    expect(r.code, r.out).not.toBe(0);
    expect(r.out).toContain("no_such_function");
    expect(await one(db.deploy, "SELECT count(*)::int FROM information_schema.columns WHERE column_name = 'nickname'")).toBe(0);
    expect(await one(db.deploy, `SELECT to_regclass('"AuditLog"')::text`)).toBeNull();
    const status = await prisma(broken, ["migrate", "status"], { DATABASE_URL: urlOf(db.deploy) });
    expect(status.code).not.toBe(0);
    expect(status.out).toMatch(new RegExp(`have failed:\\s+${BROKEN}`));
  });

  it("refuses a shadowDatabaseUrl that is really the main database (it would be wiped)", async () => {
    fs.writeFileSync(
      path.join(main, "prisma.shadow.config.ts"),
      `import { defineConfig } from "prisma/config";\nimport base from "./prisma.config.ts";\n` +
        "export default defineConfig({ ...base, datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_URL } });\n",
    );
    const alias = `${urlOf(db.dev)}?connect_timeout=11`; // a different URL for the same database
    const r = await prisma(main, ["migrate", "dev", "--create-only", "--name", "x", "--config", "prisma.shadow.config.ts"], { DATABASE_URL: urlOf(db.dev), SHADOW_URL: alias });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("is the main database");
    expect(await one(db.dev, "SELECT count(*)::int FROM _prisma_migrations")).toBe(1);
    expect(folders(main)).toHaveLength(1);
  });

  it("deployMigrations / migrationStatus work without the CLI, and report failures", async () => {
    const url = urlOf(db.prog);
    const [init] = folders(main);
    expect(await migrationStatus({ url, ...migrationsOf(main) })).toEqual({ upToDate: false, pending: [init], failed: [], onlyInDatabase: [] });
    expect(await deployMigrations({ url, ...migrationsOf(main) })).toEqual([init]);
    expect(await deployMigrations({ url, ...migrationsOf(main) })).toEqual([]);
    expect(await migrationStatus({ url, ...migrationsOf(main) })).toEqual({ upToDate: true, pending: [], failed: [], onlyInDatabase: [] });

    const broken = migrationsOf(path.join(tmp, "broken"));
    await expect(deployMigrations({ url, ...broken })).rejects.toThrow(new RegExp(`migration ${BROKEN} failed: [\\s\\S]*no_such_function`));
    expect(await one(db.prog, "SELECT site_label('b', 1)")).toBe("b;");
    expect(await one(db.prog, "SELECT count(*)::int FROM information_schema.columns WHERE column_name = 'nickname'")).toBe(0);
    expect(await migrationStatus({ url, ...broken })).toEqual({ upToDate: false, pending: [], failed: [BROKEN], onlyInDatabase: [] });
    expect(await migrationStatus({ url, ...migrationsOf(main) })).toMatchObject({ upToDate: false, onlyInDatabase: [FN, BROKEN] });
  });

  it("migrations.mjs works as a command and exits promptly (no pool or timer left open)", async () => {
    const script = path.join(root, "tools/prisma-engine/migrations.mjs");
    const { migrationsDir, schemaPath } = migrationsOf(path.join(tmp, "broken"));
    const r = await node([script, "status", "--migrations", migrationsDir, "--schema", schemaPath], tmp, { DATABASE_URL: urlOf(db.prog) });
    expect(r.code, r.out).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ upToDate: false, pending: [], failed: [BROKEN], onlyInDatabase: [] });
    expect(r.ms).toBeLessThan(8000); // the engine's 10 s timer once kept the process alive
  });

  it("prisma generate works offline, with no DATABASE_URL", async () => {
    fs.writeFileSync(path.join(main, "prisma/schema.prisma"), `generator client {\n  provider = "prisma-client"\n  output   = "../generated"\n}\n\n${SCHEMA}`);
    const r = await prisma(main, ["generate"], { PRISMA_SCHEMA_ENGINE_BINARY: shim });
    expect(r.code, r.out).toBe(0);
    expect(fs.existsSync(path.join(main, "generated/client.ts"))).toBe(true);
    expect(fs.readFileSync(path.join(main, "generated/enums.ts"), "utf8")).toContain("MONTHLY");
  });

  it("prisma.config.ts keeps a PRISMA_SCHEMA_ENGINE_BINARY set by the user, else points at the shim", async () => {
    const probe = path.join(tmp, "probe-config.mts");
    fs.writeFileSync(
      probe,
      `const { default: config } = await import(${JSON.stringify(path.join(root, "prisma.config.ts"))});\n` +
        "console.log(JSON.stringify({ binary: process.env.PRISMA_SCHEMA_ENGINE_BINARY, url: config.datasource?.url, schema: config.schema, migrations: config.migrations }));\n",
    );
    const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
    const evaluate = async (env: Record<string, string | undefined>) => {
      const r = await node([tsx, probe], tmp, env);
      expect(r.code, r.out).toBe(0);
      return JSON.parse(r.out.trim().split("\n").at(-1) ?? "");
    };
    expect(await evaluate({ PRISMA_SCHEMA_ENGINE_BINARY: "/opt/engines/schema-engine" })).toEqual({
      binary: "/opt/engines/schema-engine",
      url: "postgresql://postgres@127.0.0.1:5432/comptoir",
      schema: "prisma/schema.prisma",
      migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
    });
    expect(await evaluate({ DATABASE_URL: urlOf(db.dev) })).toMatchObject({ binary: shim, url: urlOf(db.dev) });
    expect(fs.statSync(shim).mode & 0o111).not.toBe(0); // executable, as the CLI spawns it directly

    // And the real CLI then runs the user's engine, not ours.
    const marker = path.join(tmp, "user-engine-was-called");
    const userEngine = path.join(tmp, "user-engine.sh");
    fs.writeFileSync(userEngine, `#!/bin/sh\necho called > ${JSON.stringify(marker)}\nexit 1\n`, { mode: 0o755 });
    const r = await prisma(main, ["migrate", "status"], { DATABASE_URL: urlOf(db.dev), PRISMA_SCHEMA_ENGINE_BINARY: userEngine });
    expect(r.code).not.toBe(0);
    expect(fs.existsSync(marker)).toBe(true);
  });
});
