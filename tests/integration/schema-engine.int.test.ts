import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestServer, type TestServer } from "../../tools/lib/test-database.mjs";
import { deployMigrations, migrationStatus } from "../../tools/prisma-engine/migrations.mjs";

/**
 * The unmodified Prisma CLI, run offline through tools/prisma-engine against a real PostgreSQL, in
 * throwaway projects holding a small sample schema (never the app's schema or database). Each project
 * carries a verbatim copy of the repository's prisma.config.ts, so the config is under test too.
 * Self-contained: needs only a PostgreSQL server whose role may CREATEDB (TEST_DATABASE_URL, else the
 * local 127.0.0.1:5432, else an embedded one), not the integration project's global setup.
 */
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/prisma/build/index.js");
const shim = path.join(root, "tools/prisma-engine/schema-engine.mjs");
let server: TestServer;
let serverUrl = "";
const suffix = `${Date.now()}_${randomBytes(3).toString("hex")}`;
const db = { dev: `engine_dev_${suffix}`, deploy: `engine_deploy_${suffix}`, prog: `engine_prog_${suffix}` };
const cmdDb = `engine_cmd_${suffix}`;
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
const BROKEN_SQL = `ALTER TABLE "Account" ADD COLUMN "nickname" TEXT;
CREATE TABLE "AuditLog" ("id" SERIAL PRIMARY KEY);
SELECT no_such_function();
`;

const migrationsDir = (dir: string) => path.join(dir, "prisma/migrations");
const paths = (dir: string) => ({
  migrationsDir: migrationsDir(dir),
  schemaPath: path.join(dir, "prisma/schema.prisma"),
});
const folders = (dir: string) =>
  fs
    .readdirSync(migrationsDir(dir))
    .filter((f) => !f.endsWith(".toml"))
    .sort();

/** A project: a copy of the repo's prisma.config.ts, the sample schema, `tools` and `node_modules` linked. */
function project(name: string, migrations: Record<string, string> = {}, from?: string) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(migrationsDir(dir), { recursive: true });
  for (const link of ["node_modules", "tools"]) fs.symlinkSync(path.join(root, link), path.join(dir, link));
  fs.copyFileSync(path.join(root, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  fs.writeFileSync(path.join(dir, "prisma/schema.prisma"), SCHEMA);
  if (from) fs.cpSync(migrationsDir(from), migrationsDir(dir), { recursive: true });
  for (const [folder, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(migrationsDir(dir), folder));
    fs.writeFileSync(path.join(migrationsDir(dir), folder, "migration.sql"), sql);
  }
  return dir;
}

type Run = { code: number; out: string; ms: number };
/** Runs a Node script with a clean env (no DATABASE_URL, no PRISMA_SCHEMA_ENGINE_BINARY unless given). */
function node(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  base.NEXT_TELEMETRY_DISABLED = "1";
  delete base.PRISMA_SCHEMA_ENGINE_BINARY; // the copied prisma.config.ts must set it
  delete base.DATABASE_URL;
  const options = { cwd, env: { ...base, ...env }, timeout: 90_000 };
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}`, ms: Date.now() - started });
    });
  });
}
/** `prisma <args>` in a project, on database `database` (DATABASE_URL). */
const prisma = (dir: string, args: string, database?: string, env: Record<string, string> = {}) =>
  node([cli, ...args.split(" ")], dir, { ...(database ? { DATABASE_URL: urlOf(database) } : {}), ...env });

async function rows(database: string | null, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: database ? urlOf(database) : serverUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
const value = async (database: string, text: string) =>
  Object.values((await rows(database, text))[0] ?? {})[0];
const tableCount = (database: string) =>
  value(database, `SELECT count(*)::int FROM pg_tables WHERE tablename IN ('Account', 'Site')`);
const nicknameColumns = (database: string) =>
  value(database, "SELECT count(*)::int FROM information_schema.columns WHERE column_name = 'nickname'");
const UP_TO_DATE = { upToDate: true, pending: [], failed: [], onlyInDatabase: [] };
const BROKEN_FAILED = { upToDate: false, pending: [], failed: [BROKEN], onlyInDatabase: [] };

const SHADOWS_SQL = "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_migrate\\_shadow\\_db\\_%'";
const shadowDatabases = async () => (await rows(null, SHADOWS_SQL)).map((r) => String(r.datname));
/** Shadow databases that appeared since `before` and stay (others' transient ones get time to go). */
async function leakedShadows(before: string[]) {
  const appeared = (await shadowDatabases()).filter((d) => !before.includes(d));
  if (appeared.length) await new Promise((r) => setTimeout(r, 3000));
  return (await shadowDatabases()).filter((d) => appeared.includes(d));
}

let main = ""; // the project in which `migrate dev` writes the first migration
beforeAll(async () => {
  server = await openTestServer();
  serverUrl = server.url;
  for (const name of [db.deploy, db.prog, cmdDb]) await rows(null, `CREATE DATABASE "${name}"`); // not db.dev
  main = project("main");
}, 60_000);

afterAll(async () => {
  const all = [...Object.values(db), cmdDb];
  for (const name of all) await rows(null, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  fs.rmSync(tmp, { recursive: true, force: true });
  await server.close();
}, 60_000);

describe("the Prisma CLI, offline through tools/prisma-engine", { timeout: 120_000 }, () => {
  it("migrate dev creates the database and the first migration, with a throwaway shadow database", async () => {
    const before = await shadowDatabases();
    const r = await prisma(main, "migrate dev --name init", db.dev);
    expect(r.code, r.out).toBe(0);
    const [init, ...others] = folders(main);
    expect(others).toEqual([]);
    expect(init).toMatch(/^\d{14}_init$/);
    const sql = fs.readFileSync(path.join(migrationsDir(main), String(init), "migration.sql"), "utf8");
    expect(sql).toContain(`CREATE TYPE "Plan" AS ENUM ('MONTHLY', 'ANNUAL');`);
    expect(sql).toContain('CREATE TABLE "Account"');
    expect(sql).toMatch(/"Site_accountId_fkey" FOREIGN KEY \("accountId"\) REFERENCES "Account"\("id"\)/);
    const lock = fs.readFileSync(path.join(migrationsDir(main), "migration_lock.toml"), "utf8");
    expect(lock).toContain('provider = "postgresql"');
    expect(await tableCount(db.dev)).toBe(2);
    expect(await leakedShadows(before)).toEqual([]);
  });

  it("migrate deploy applies it to a fresh database", async () => {
    const r = await prisma(main, "migrate deploy", db.deploy);
    expect(r.code, r.out).toBe(0);
    expect(await tableCount(db.deploy)).toBe(2);
    const applied = "SELECT count(*)::int FROM _prisma_migrations WHERE finished_at IS NOT NULL";
    expect(await value(db.deploy, applied)).toBe(1);
  });

  it("migrate status says the database is up to date", async () => {
    const r = await prisma(main, "migrate status", db.deploy);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("Database schema is up to date");
  });

  it("migrate diff sees no difference from the migrations to the schema, and one from empty", async () => {
    const diff = (from: string) =>
      `migrate diff ${from} --to-schema prisma/schema.prisma --script --exit-code`;
    const same = await prisma(main, diff("--from-migrations prisma/migrations"), db.dev);
    expect(same.code, same.out).toBe(0);
    const fromEmpty = await prisma(main, diff("--from-empty"), db.dev);
    expect(fromEmpty.code, fromEmpty.out).toBe(2);
    expect(fromEmpty.out).toContain('CREATE TABLE "Site"');
  });

  it("applies a plpgsql function whose $$ body holds semicolons", async () => {
    const withFunction = project("with-function", { [FN]: FUNCTION_SQL }, main);
    const r = await prisma(withFunction, "migrate deploy", db.deploy);
    expect(r.code, r.out).toBe(0);
    expect(await value(db.deploy, "SELECT site_label('a', 2)")).toBe("a;a;");
    const comment = await value(db.deploy, `SELECT obj_description('"Site"'::regclass)`);
    expect(comment).toBe("one row; per location");
  });

  it("a failing migration leaves nothing half-applied, and status reports it failed", async () => {
    const broken = project("broken", { [FN]: FUNCTION_SQL, [BROKEN]: BROKEN_SQL }, main);
    const r = await prisma(broken, "migrate deploy", db.deploy);
    expect(r.code, r.out).not.toBe(0);
    expect(r.out).toContain("no_such_function");
    expect(await nicknameColumns(db.deploy)).toBe(0);
    expect(await value(db.deploy, `SELECT to_regclass('"AuditLog"')::text`)).toBeNull();
    const status = await prisma(broken, "migrate status", db.deploy);
    expect(status.code).not.toBe(0);
    expect(status.out).toMatch(new RegExp(`have failed:\\s+${BROKEN}`));
  });

  it("refuses a shadowDatabaseUrl that is really the main database (it would be wiped)", async () => {
    const config = [
      'import { defineConfig } from "prisma/config";',
      'import base from "./prisma.config.ts";',
      "const datasource = { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_URL };",
      "export default defineConfig({ ...base, datasource });",
    ];
    fs.writeFileSync(path.join(main, "prisma.shadow.config.ts"), config.join("\n"));
    const alias = new URL(urlOf(db.dev)); // another URL for the same database
    alias.searchParams.set("connect_timeout", "11");
    const args = "migrate dev --create-only --name x --config prisma.shadow.config.ts";
    const r = await prisma(main, args, db.dev, { SHADOW_URL: alias.toString() });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("is the main database");
    expect(await value(db.dev, "SELECT count(*)::int FROM _prisma_migrations")).toBe(1);
    expect(folders(main)).toHaveLength(1);
  });

  it("deployMigrations / migrationStatus work without the CLI, and report failures", async () => {
    const url = urlOf(db.prog);
    const [init] = folders(main);
    const ok = { url, ...paths(main) };
    expect(await migrationStatus(ok)).toEqual({ ...UP_TO_DATE, upToDate: false, pending: [init] });
    expect(await deployMigrations(ok)).toEqual([init]);
    expect(await deployMigrations(ok)).toEqual([]);
    expect(await migrationStatus(ok)).toEqual(UP_TO_DATE);

    const broken = { url, ...paths(path.join(tmp, "broken")) };
    const failure = new RegExp(`migration ${BROKEN} failed: [^]*no_such_function`);
    await expect(deployMigrations(broken)).rejects.toThrow(failure);
    expect(await value(db.prog, "SELECT site_label('b', 1)")).toBe("b;"); // the migration before it
    expect(await nicknameColumns(db.prog)).toBe(0);
    expect(await migrationStatus(broken)).toEqual(BROKEN_FAILED);
    expect(await migrationStatus(ok)).toMatchObject({ upToDate: false, onlyInDatabase: [FN, BROKEN] });
  });

  it("migrations.mjs works as a command and exits promptly (no pool or timer left open)", async () => {
    const script = path.join(root, "tools/prisma-engine/migrations.mjs");
    const args = (name: string) => {
      const { migrationsDir, schemaPath } = paths(path.join(tmp, name));
      return ["--migrations", migrationsDir, "--schema", schemaPath];
    };
    const deploy = await node([script, "deploy", ...args("with-function")], tmp, {
      DATABASE_URL: urlOf(cmdDb),
    });
    expect(deploy.code, deploy.out).toBe(0);
    expect(deploy.out).toContain(`Applied 2 migration(s): ${folders(main)[0]}, ${FN}`);
    expect(deploy.ms).toBeLessThan(8000); // the engine's 10 s lock timer once kept the process alive
    const status = await node([script, "status", "--url", urlOf(db.prog), ...args("broken")], tmp);
    expect(status.code, status.out).toBe(1);
    expect(JSON.parse(status.out)).toEqual(BROKEN_FAILED);
  });

  it("prisma generate works offline, with no DATABASE_URL", async () => {
    const generator = 'generator client {\n  provider = "prisma-client"\n  output   = "../generated"\n}\n\n';
    fs.writeFileSync(path.join(main, "prisma/schema.prisma"), generator + SCHEMA);
    const r = await prisma(main, "generate", undefined, { PRISMA_SCHEMA_ENGINE_BINARY: shim });
    expect(r.code, r.out).toBe(0);
    expect(fs.existsSync(path.join(main, "generated/client.ts"))).toBe(true);
    expect(fs.readFileSync(path.join(main, "generated/enums.ts"), "utf8")).toContain("MONTHLY");
  });

  it("prisma.config.ts keeps a PRISMA_SCHEMA_ENGINE_BINARY set by the user, else points at the shim", async () => {
    const probe = path.join(tmp, "probe-config.mts");
    const script = [
      `const { default: c } = await import(${JSON.stringify(path.join(root, "prisma.config.ts"))});`,
      "const binary = process.env.PRISMA_SCHEMA_ENGINE_BINARY;",
      "console.log(JSON.stringify({ binary, url: c.datasource?.url, schema: c.schema, migrations: c.migrations }));",
    ];
    fs.writeFileSync(probe, script.join("\n"));
    const evaluate = async (env: Record<string, string>) => {
      const r = await node([path.join(root, "node_modules/tsx/dist/cli.mjs"), probe], tmp, env);
      expect(r.code, r.out).toBe(0);
      return JSON.parse(r.out.trim().split("\n").at(-1) ?? "");
    };
    expect(await evaluate({ PRISMA_SCHEMA_ENGINE_BINARY: "/opt/engines/schema-engine" })).toEqual({
      binary: "/opt/engines/schema-engine",
      url: "postgresql://postgres@127.0.0.1:5432/comptoir", // no DATABASE_URL: a placeholder, no throw
      schema: "prisma/schema.prisma",
      migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
    });
    const defaults = await evaluate({ DATABASE_URL: urlOf(db.dev) });
    expect(defaults).toMatchObject({ binary: shim, url: urlOf(db.dev) });
    expect(fs.statSync(shim).mode & 0o111).not.toBe(0); // executable: the CLI spawns it directly

    // And the real CLI then runs the user's engine, not ours.
    const marker = path.join(tmp, "user-engine-was-called");
    const userEngine = path.join(tmp, "user-engine.sh");
    const fake = `#!/bin/sh\necho called > ${JSON.stringify(marker)}\nexit 1\n`;
    fs.writeFileSync(userEngine, fake, { mode: 0o755 });
    const r = await prisma(main, "migrate status", db.dev, { PRISMA_SCHEMA_ENGINE_BINARY: userEngine });
    expect(r.code).not.toBe(0);
    expect(fs.existsSync(marker)).toBe(true);
  });
});
