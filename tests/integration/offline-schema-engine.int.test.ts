import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations, migrationStatus } from "../../tools/prisma-engine/migrations.mjs";

/**
 * The unmodified Prisma CLI, run offline through tools/prisma-engine against a real PostgreSQL, on a
 * small sample schema in a scratch project (never the app's own schema or database).
 */
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/prisma/build/index.js");
const shim = path.join(root, "tools/prisma-engine/schema-engine.mjs");
const run = promisify(execFile);
const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const suffix = `${Date.now()}_${Math.random().toString(36).slice(2, 7)}`;
const databases = ["dev", "deploy", "prog"].map((d) => `engine_${d}_${suffix}`);
const urlOf = (db: string) => Object.assign(new URL(serverUrl), { pathname: `/${db}` }).toString();
// Scratch project inside the repo so that its prisma.config.ts resolves `prisma/config`.
const project = path.join(root, "test-results", `engine-${suffix}`);

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Plan {
  MONTHLY
  ANNUAL
}

model Account {
  id    Int     @id @default(autoincrement())
  email String  @unique
  plan  Plan    @default(MONTHLY)
  sites Site[]
}

model Site {
  id        Int     @id @default(autoincrement())
  name      String
  accountId Int
  account   Account @relation(fields: [accountId], references: [id])
}
`;

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function query(db: string, sql: string) {
  const c = new pg.Client({ connectionString: urlOf(db) });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** Runs the Prisma CLI in the scratch project; resolves with its exit code and output. */
async function prisma(args: string[], db: string, extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, DATABASE_URL: urlOf(db), CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...extraEnv };
  try {
    const r = await run(process.execPath, [cli, ...args], { cwd: project, env, timeout: 120_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

const migrationDirs = () => fs.readdirSync(path.join(project, "migrations")).filter((d) => d !== "migration_lock.toml").sort();

beforeAll(async () => {
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(path.join(project, "schema.prisma"), SCHEMA);
  fs.writeFileSync(
    path.join(project, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= ${JSON.stringify(shim)};
export default defineConfig({ schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL ?? "" } });
`,
  );
  await admin(async (c) => {
    for (const db of databases) await c.query(`CREATE DATABASE "${db}"`);
  });
});

afterAll(async () => {
  await admin(async (c) => {
    for (const db of databases) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  });
  fs.rmSync(project, { recursive: true, force: true });
});

describe("the Prisma CLI with the offline schema engine", () => {
  const [dev, deploy, prog] = databases as [string, string, string];

  it("creates a migration with `migrate dev`, through a throwaway shadow database", async () => {
    const r = await prisma(["migrate", "dev", "--name", "init"], dev);
    expect(r.code, r.out).toBe(0);
    const [init] = migrationDirs();
    expect(init).toMatch(/_init$/);
    const sql = fs.readFileSync(path.join(project, "migrations", init ?? "", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Account"');
    expect(sql).toContain('CREATE TYPE "Plan"');
    const shadows = await admin((c) => c.query("SELECT 1 FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'"));
    expect(shadows.rowCount).toBe(0);
  });

  it("deploys to a fresh database; status is clean and the schema diff is empty", async () => {
    expect((await prisma(["migrate", "deploy"], deploy)).code).toBe(0);
    expect(await query(deploy, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('Account', 'Site')")).toEqual([{ n: 2 }]);
    const status = await prisma(["migrate", "status"], deploy);
    expect(status.out).toContain("Database schema is up to date");
    const diff = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "schema.prisma", "--exit-code"], deploy);
    expect(diff.code, diff.out).toBe(0);
  });

  it("applies hand-written SQL with semicolons inside $$ bodies and strings", async () => {
    await new Promise((r) => setTimeout(r, 1100)); // migration folders are named by the second
    expect((await prisma(["migrate", "dev", "--create-only", "--name", "fn"], dev)).code).toBe(0);
    const dir = migrationDirs().find((d) => d.endsWith("_fn")) ?? "";
    fs.appendFileSync(
      path.join(project, "migrations", dir, "migration.sql"),
      `\nCREATE FUNCTION trim_site() RETURNS trigger AS $$\nBEGIN\n  NEW."name" := trim(NEW."name"); -- a; b;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\nCOMMENT ON TABLE "Site" IS 'one; per location';\n`,
    );
    expect((await prisma(["migrate", "deploy"], deploy)).code).toBe(0);
    expect(await query(deploy, "SELECT obj_description('\"Site\"'::regclass) AS c")).toEqual([{ c: "one; per location" }]);
    expect(await query(deploy, "SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'trim_site'")).toEqual([{ n: 1 }]);
  });

  it("leaves nothing half-applied when a migration fails, and reports it", async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const dir = path.join(project, "migrations", `${migrationDirs().at(-1)?.slice(0, 14).replace(/\d{2}$/, "99")}_broken`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "migration.sql"), 'ALTER TABLE "Account" ADD COLUMN "nickname" TEXT;\nSELECT no_such_function();\n');
    const r = await prisma(["migrate", "deploy"], deploy);
    expect(r.code).not.toBe(0);
    expect(await query(deploy, "SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name = 'nickname'")).toEqual([{ n: 0 }]);
    const status = await migrationStatus({ url: urlOf(deploy), migrationsDir: path.join(project, "migrations"), schemaPath: path.join(project, "schema.prisma") });
    expect(status.failed).toEqual([path.basename(dir)]);
    expect(status.upToDate).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it("deploys programmatically without the CLI, for start-up and tests", async () => {
    const options = { url: urlOf(prog), migrationsDir: path.join(project, "migrations"), schemaPath: path.join(project, "schema.prisma") };
    expect(await migrationStatus(options)).toMatchObject({ upToDate: false, pending: migrationDirs() });
    expect(await deployMigrations(options)).toEqual(migrationDirs());
    expect(await deployMigrations(options)).toEqual([]);
    expect(await migrationStatus(options)).toMatchObject({ upToDate: true, failed: [] });
  });

  it("runs `prisma generate` offline", async () => {
    fs.writeFileSync(path.join(project, "schema.prisma"), `generator client {\n  provider = "prisma-client"\n  output   = "./generated"\n}\n\n${SCHEMA}`);
    const r = await prisma(["generate"], dev);
    expect(r.code, r.out).toBe(0);
    expect(fs.existsSync(path.join(project, "generated", "client.ts"))).toBe(true);
  });

  it("keeps a PRISMA_SCHEMA_ENGINE_BINARY that the user set", async () => {
    const marker = path.join(project, "called");
    const fake = path.join(project, "fake-engine.sh");
    fs.writeFileSync(fake, `#!/bin/sh\necho called > ${JSON.stringify(marker)}\nexit 1\n`, { mode: 0o755 });
    await prisma(["migrate", "status"], dev, { PRISMA_SCHEMA_ENGINE_BINARY: fake });
    expect(fs.existsSync(marker)).toBe(true);
  });
});
