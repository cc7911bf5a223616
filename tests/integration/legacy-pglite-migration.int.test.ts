import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../../tools/lib/embedded-postgres.mjs";
import { legacyPgliteDir, migrateLegacyPglite } from "../../tools/lib/migrate-legacy-pglite.mjs";
import { deployMigrations } from "../../tools/prisma-engine/migrations.mjs";

// An installation made by the previous version keeps its data: .data/pglite (PGlite) is moved into
// the embedded PostgreSQL server, issued invoices and append-only rows included.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-legacy-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The seller an invoice is issued with (ADR 0011; the database refuses an issue without one). */
const LEGACY_SELLER = JSON.stringify({
  version: 1, legalName: "Hébergeur d'avant SARL", address: "3 rue Ancienne\n75003 Paris", country: "FR", registrationNumber: "", vatNumber: "",
  email: "", phone: "", iban: "", bic: "", accountNumber: "", routingNumber: "", paymentInstructions: "", latePenaltyRateBp: null,
  recoveryIndemnity: false, legalMentions: "", footerText: "",
}).replaceAll("'", "''");

/** Makes .data/pglite as the earlier launcher did, with a customer, a staff user and an issued invoice. */
async function makeLegacyInstallation() {
  fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
  const db = new PGlite(path.join(dataDir, "pglite", "pgdata"), { extensions: { pg_trgm } });
  await db.waitReady;
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 1 });
  await server.start();
  try {
    await deployMigrations({ url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable` });
    await db.exec(`
      INSERT INTO users (id, email, name, kind, staff_roles, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'admin@legacy.example', 'Ädmin Łódź', 'STAFF', '{ADMIN}', now());
      INSERT INTO customers (id, legal_name, billing_email, updated_at) VALUES ('00000000-0000-4000-8000-000000000002', 'Boulangerie « Légataire »', 'billing@legacy.example', now());
      INSERT INTO invoices (id, customer_id, currency, status)
        VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'EUR', 'DRAFT');
      INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_amount_minor, tax_rate_bp, net_minor)
        VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000003', 1, 'Hébergement', 1, 12345, 2000, 12345);
      UPDATE invoices SET status = 'OPEN', number = 'F2026-000001', issue_date = '2026-01-05', due_date = '2026-02-04',
        net_minor = 12345, tax_minor = 2469, gross_minor = 14814, seller = '${LEGACY_SELLER}'
        WHERE id = '00000000-0000-4000-8000-000000000003';
      INSERT INTO audit_events (action, actor_email, at) VALUES ('legacy.test', 'admin@legacy.example', now());
    `);
  } finally {
    await server.stop();
    await db.close();
  }
}

describe("an installation of the earlier version (PGlite in .data/pglite)", () => {
  it("is moved into the embedded PostgreSQL server, rows, triggers' rows and sequences included", async () => {
    await makeLegacyInstallation();
    expect(legacyPgliteDir(dataDir)).toBe(path.join(dataDir, "pglite"));

    const server = await startEmbeddedPostgres();
    try {
      await deployMigrations({ url: server.url });
      const messages: string[] = [];
      const result = await migrateLegacyPglite({ dataDir, targetUrl: server.url, log: (m: string) => messages.push(m) });
      expect(result.rows).toBeGreaterThanOrEqual(5);
      expect(legacyPgliteDir(dataDir)).toBeNull();
      expect(fs.existsSync(path.join(result.backup, "pgdata", "PG_VERSION"))).toBe(true);
      expect(messages.join("\n")).toMatch(/delete that folder/);

      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      try {
        const customer = await c.query("SELECT legal_name FROM customers");
        expect(customer.rows).toEqual([{ legal_name: "Boulangerie « Légataire »" }]);
        const invoice = await c.query("SELECT number, status, gross_minor::int AS gross, issue_date::text AS issued, seller->>'legalName' AS seller FROM invoices");
        expect(invoice.rows).toEqual([{ number: "F2026-000001", status: "OPEN", gross: 14814, issued: "2026-01-05", seller: "Hébergeur d'avant SARL" }]);
        const staff = await c.query("SELECT name, staff_roles::text[] AS staff_roles FROM users");
        expect(staff.rows).toEqual([{ name: "Ädmin Łódź", staff_roles: ["ADMIN"] }]);
        // The freeze trigger is back on after the copy: the issued invoice cannot be changed.
        await expect(c.query("UPDATE invoice_lines SET description = 'changed'")).rejects.toThrow();
        // Serial ids continue after the copied ones.
        const before = await c.query("SELECT max(id)::int AS id FROM audit_events");
        const next = await c.query("INSERT INTO audit_events (action, actor_email, at) VALUES ('after', 'x@example.com', now()) RETURNING id::int AS id");
        expect(next.rows[0].id).toBeGreaterThan(before.rows[0].id);
      } finally {
        await c.end();
      }
    } finally {
      await server.stop();
    }
  });
});
