import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../tools/lib/embedded-postgres.mjs";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("the embedded PostgreSQL server", () => {
  it("keeps its data across a stop and a start, with a password only its owner can read", async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-embedded-"));
    dirs.push(parent);
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, "postgres");
    const first = await startEmbeddedPostgres({ dir });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Łódź ✓')");
    await first.stop();
    expect(fs.existsSync(path.join(dir, "comptoir.lock"))).toBe(false);
    expect(fs.statSync(path.join(dir, "password")).mode & 0o077).toBe(0);

    const second = await startEmbeddedPostgres({ dir });
    try {
      expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "Łódź ✓" }]);
      // Password authentication: another local user cannot walk in without it.
      const u = new URL(second.url);
      u.password = "wrong";
      await expect(query(u.toString(), "SELECT 1")).rejects.toThrow(/password authentication failed/);
      // A real server: one backend process per connection.
      expect(await query(second.url, "SELECT count(DISTINCT pid)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'")).toEqual([{ n: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it("as root, moves the cluster where its system user can reach it when the data folder is closed", async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-closed-"));
    dirs.push(closed);
    fs.chmodSync(closed, 0o700);
    const dir = path.join(closed, "postgres");
    const server = await startEmbeddedPostgres({ dir });
    try {
      expect(await query(server.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
      const pointer = path.join(dir, "pgdata-location");
      if (process.getuid?.() === 0) {
        const location = fs.readFileSync(pointer, "utf8").trim();
        dirs.push(path.dirname(location));
        expect(location.startsWith("/var/lib/comptoir/")).toBe(true);
        expect(fs.existsSync(path.join(location, "PG_VERSION"))).toBe(true);
      } else {
        expect(fs.existsSync(pointer)).toBe(false);
        expect(fs.existsSync(path.join(dir, "pgdata", "PG_VERSION"))).toBe(true);
      }
    } finally {
      await server.stop();
    }
  });
});
