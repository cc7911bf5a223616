import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUpdateCompanySettingsInput } from "@/contracts/company-settings";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { ZSellerSnapshot } from "@/server/billing/seller-snapshot";
import { createPrismaClient, getDb } from "@/server/db/client";
import { extractPdfText } from "@/server/pdf/extract-pdf-text";
import { creditNotePdf, invoicePdf } from "@/server/pdf/ledger-pdf";
import { updateCompanySettings } from "@/server/settings/update-company-settings";
import { openTestServer, withDatabase } from "../../tools/lib/test-database.mjs";
import { deployMigrations } from "../../tools/prisma-engine/migrations.mjs";
import { ctx, makeDraftInvoice, makeStaff } from "../support/factories";

// ADR 0011: an issued invoice or credit note prints the seller it was issued with; a draft prints
// Settings → Company as they are now.
const db = getDb();
// One settings row for the whole test database: start from none, leave none behind (other files
// rely on the default payment terms).
beforeAll(async () => {
  await db.companySettings.deleteMany();
});
afterAll(async () => {
  await db.companySettings.deleteMany();
});
const found = <T>(v: T | null): T => {
  if (!v) throw new Error("not found");
  return v;
};
const jan15 = new Date("2026-01-15T09:00:00Z");
const feb02 = new Date("2026-02-02T09:00:00Z");

const before = {
  legalName: "Hébergeur Łódź SAS",
  address: "1 place Bellecour\n69002 Lyon",
  registrationNumber: "RCS Lyon 912 345 678",
  vatNumber: "FR32912345678",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  paymentInstructions: "Virement en rappelant le numéro de facture.",
  latePenaltyRate: "12,15",
  legalMentions: "Pas d'escompte pour paiement anticipé.",
  footerText: "SAS au capital de 10 000 €",
};
// Moved to Marseille, renamed, new bank, new mentions: nothing of it may reach an issued document.
const after = {
  legalName: "Hébergeur Phocéen SAS",
  address: "25 rue de la République\n13002 Marseille",
  registrationNumber: "RCS Marseille 987 654 321",
  vatNumber: "FR45987654321",
  iban: "FR14 2004 1010 0505 0001 3M02 606",
  paymentInstructions: "Prélèvement à l'échéance.",
  latePenaltyRate: "9,5",
  legalMentions: "Escompte de 1 % pour paiement anticipé.",
  footerText: "SAS au capital de 50 000 €",
};
const textOf = (pdf: Buffer) => extractPdfText(pdf).join(" ").replace(/\s+/g, " ");
const flat = (identity: typeof before) => [
  identity.legalName,
  ...identity.address.split("\n"),
  identity.registrationNumber,
  identity.vatNumber,
  identity.iban,
  identity.paymentInstructions,
  identity.legalMentions,
  identity.footerText,
];

async function saveSettings(
  admin: { id: string; email: string; name: string },
  identity: typeof before,
  at: Date,
) {
  const input = ZUpdateCompanySettingsInput.parse({
    ...identity,
    country: "FR",
    email: "facturation@example.com",
    phone: "+33 4 72 00 00 00",
    bic: "AGRIFRPP",
    accountNumber: "",
    routingNumber: "",
    paymentTermsDays: "30",
    recoveryIndemnity: "on",
  });
  await updateCompanySettings(db, admin, input, null, ctx, at);
}

describe("the seller on issued documents", () => {
  it("is frozen at issue: after the company moves, the issued invoice and its credit note print the old seller, a draft the new one", async () => {
    const admin = await makeStaff(["ADMIN"]);
    await saveSettings(admin, before, jan15);
    const issued = await makeDraftInvoice();
    const { number } = await issueInvoice(db, issued.staff, issued.invoiceId, jan15);
    const { creditNoteId } = await createCreditNote(
      db,
      issued.staff,
      issued.invoiceId,
      { mode: "amount", reason: "Geste commercial", grossMinor: 1000 },
      jan15,
    );
    const draft = await makeDraftInvoice();

    await saveSettings(admin, after, feb02);

    const invoiceText = textOf(
      await invoicePdf(db, found(await findInvoiceDetail(db, { staff: true }, issued.invoiceId))),
    );
    expect(invoiceText).toContain(`Facture ${number}`);
    for (const s of [...flat(before), "12,15 %"]) expect(invoiceText).toContain(s);
    for (const s of [...flat(after), "9,5 %"]) expect(invoiceText).not.toContain(s);

    const noteText = textOf(
      await creditNotePdf(db, found(await findCreditNoteDetail(db, { staff: true }, creditNoteId))),
    );
    for (const s of [
      before.legalName,
      ...before.address.split("\n"),
      before.registrationNumber,
      before.footerText,
    ])
      expect(noteText).toContain(s);
    for (const s of [
      after.legalName,
      ...after.address.split("\n"),
      after.registrationNumber,
      after.footerText,
    ])
      expect(noteText).not.toContain(s);

    const draftText = textOf(
      await invoicePdf(db, found(await findInvoiceDetail(db, { staff: true }, draft.invoiceId))),
    );
    expect(draftText).toContain("BROUILLON");
    for (const s of [...flat(after), "9,5 %"]) expect(draftText).toContain(s);
    for (const s of [before.legalName, before.address.split("\n")[0] ?? "", before.iban, before.footerText])
      expect(draftText).not.toContain(s);

    // Issued now, the draft keeps the seller of its issue day; a new credit note on the first
    // invoice states the seller of its own day, while that invoice still prints the old one.
    await issueInvoice(db, draft.staff, draft.invoiceId, feb02);
    const late = await createCreditNote(
      db,
      issued.staff,
      issued.invoiceId,
      { mode: "amount", reason: "Second geste", grossMinor: 500 },
      feb02,
    );
    await saveSettings(admin, before, feb02);
    const nowIssuedText = textOf(
      await invoicePdf(db, found(await findInvoiceDetail(db, { staff: true }, draft.invoiceId))),
    );
    expect(nowIssuedText).toContain(after.address.split("\n")[0]);
    expect(nowIssuedText).not.toContain(before.address.split("\n")[0]);
    const lateNoteText = textOf(
      await creditNotePdf(db, found(await findCreditNoteDetail(db, { staff: true }, late.creditNoteId))),
    );
    expect(lateNoteText).toContain(after.legalName);
    expect(lateNoteText).not.toContain(before.legalName);
  });

  it("is kept by the database: written in the issuing UPDATE or the credit note's INSERT, never changed after", async () => {
    const admin = await makeStaff(["ADMIN"]);
    await saveSettings(admin, before, jan15);
    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, jan15);
    const row = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { seller: true } });
    expect(row.seller).toMatchObject({
      version: 1,
      legalName: before.legalName,
      address: before.address,
      latePenaltyRateBp: 1215,
      recoveryIndemnity: true,
    });
    await expect(
      db.invoice.update({
        where: { id: invoiceId },
        data: { seller: { ...(row.seller as object), legalName: "Autre SAS" } },
      }),
    ).rejects.toThrow(/immutable/);

    // Issuing by hand without a seller is refused.
    const other = await makeDraftInvoice();
    await expect(
      db.invoice.update({
        where: { id: other.invoiceId },
        data: {
          status: "OPEN",
          number: "F-HAND-1",
          issueDate: new Date("2026-01-15"),
          dueDate: new Date("2026-02-14"),
        },
      }),
    ).rejects.toThrow(/without its seller/);

    const { creditNoteId } = await createCreditNote(
      db,
      staff,
      invoiceId,
      { mode: "full", reason: "Annulation" },
      jan15,
    );
    const note = await db.creditNote.findUniqueOrThrow({ where: { id: creditNoteId } });
    expect(note.seller).toMatchObject({ version: 1, legalName: before.legalName });
    await expect(
      db.creditNote.create({
        data: {
          number: "AV-HAND-1",
          invoiceId,
          customerId: note.customerId,
          currency: "EUR",
          issueDate: note.issueDate,
          reason: "x",
          netMinor: 1n,
          taxMinor: 0n,
          grossMinor: 1n,
        },
      }),
    ).rejects.toThrow(/without its seller/);
  });
});

describe("migration 20261202060000_seller_snapshot", () => {
  const MIGRATION = "20261202060000_seller_snapshot";
  let serverUrl = "";
  let close = async () => {};
  const databases: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "comptoir-seller-migration-"));
  beforeAll(async () => {
    const server = await openTestServer();
    serverUrl = server.url;
    close = server.close;
    // The migrations folder as it was just before this one.
    const source = path.resolve("prisma/migrations");
    for (const entry of fs.readdirSync(source)) {
      if (entry < MIGRATION || entry === "migration_lock.toml")
        fs.cpSync(path.join(source, entry), path.join(tmp, entry), { recursive: true });
    }
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A database at the migration before this one, filled by `fill`, then brought up to date. */
  async function upgrade(
    fill: (c: pg.Client) => Promise<void>,
    check: (c: pg.Client, url: string) => Promise<void>,
  ) {
    const name = `comptoir_seller_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    databases.push(name);
    const url = withDatabase(serverUrl, name);
    await deployMigrations({ url, migrationsDir: tmp });
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await fill(c);
      expect(await deployMigrations({ url })).toContain(MIGRATION);
      await check(c, url);
    } finally {
      await c.end();
    }
  }

  const ids = {
    customer: "00000000-0000-4000-8000-0000000000c1",
    issued: "00000000-0000-4000-8000-0000000000a1",
    draft: "00000000-0000-4000-8000-0000000000a2",
    note: "00000000-0000-4000-8000-0000000000b1",
  };
  /** A customer, an issued invoice with a credit note, and a draft, as the earlier version wrote them. */
  const ledger = async (c: pg.Client) => {
    await c.query(
      `INSERT INTO customers (id, legal_name, billing_email, updated_at) VALUES ('${ids.customer}', 'Boulangerie Dupont', 'b@example.com', now())`,
    );
    await c.query(`INSERT INTO invoices (id, customer_id, currency, status, number, issue_date, due_date, net_minor, gross_minor)
      VALUES ('${ids.issued}', '${ids.customer}', 'EUR', 'OPEN', 'F2026-000001', '2026-01-05', '2026-02-04', 1000, 1000),
             ('${ids.draft}', '${ids.customer}', 'EUR', 'DRAFT', NULL, NULL, NULL, 0, 0)`);
    await c.query(`INSERT INTO credit_notes (id, number, invoice_id, customer_id, currency, issue_date, reason, net_minor, tax_minor, gross_minor)
      VALUES ('${ids.note}', 'AV2026-000001', '${ids.issued}', '${ids.customer}', 'EUR', '2026-01-06', 'Geste', 100, 0, 100)`);
  };

  it("fills issued invoices and credit notes with the settings row, leaves drafts alone, then freezes the column", async () => {
    await upgrade(
      async (c) => {
        await c.query(`INSERT INTO company_settings (legal_name, address, registration_number, iban, late_penalty_rate_bp, recovery_indemnity, footer_text)
          VALUES ('Hébergeur Łódź SAS', E'1 place Bellecour\\n69002 Lyon', 'RCS Lyon 912 345 678', 'FR7630006000011234567890189', 1215, true, 'SAS au capital de 10 000 €')`);
        await ledger(c);
      },
      async (c) => {
        const { rows } = await c.query(
          `SELECT id, seller FROM invoices UNION ALL SELECT id, seller FROM credit_notes ORDER BY id`,
        );
        const byId = Object.fromEntries(rows.map((r) => [r.id, r.seller]));
        const expected = {
          version: 1,
          legalName: "Hébergeur Łódź SAS",
          address: "1 place Bellecour\n69002 Lyon",
          country: "FR",
          registrationNumber: "RCS Lyon 912 345 678",
          vatNumber: "",
          email: "",
          phone: "",
          iban: "FR7630006000011234567890189",
          bic: "",
          accountNumber: "",
          routingNumber: "",
          paymentInstructions: "",
          latePenaltyRateBp: 1215,
          recoveryIndemnity: true,
          legalMentions: "",
          footerText: "SAS au capital de 10 000 €",
        };
        // Exactly what the app writes: its reader accepts it as a snapshot.
        expect(ZSellerSnapshot.parse(byId[ids.issued])).toEqual(expected);
        expect(byId[ids.note]).toEqual(expected);
        expect(byId[ids.draft]).toBeNull();
        await expect(c.query(`UPDATE invoices SET seller = '{}' WHERE id = '${ids.issued}'`)).rejects.toThrow(
          /immutable/,
        );
        await expect(
          c.query(`UPDATE credit_notes SET seller = NULL WHERE id = '${ids.note}'`),
        ).rejects.toThrow(/append-only/);
      },
    );
  });

  it("leaves NULL where no settings row existed yet, and such documents print the current settings", async () => {
    await upgrade(ledger, async (c, url) => {
      const { rows } = await c.query(
        `SELECT (SELECT seller FROM invoices WHERE id = '${ids.issued}') AS invoice, (SELECT seller FROM credit_notes WHERE id = '${ids.note}') AS note`,
      );
      expect(rows).toEqual([{ invoice: null, note: null }]);
      // The settings row as the first read makes it from the COMPANY_* variables these documents
      // were printed with, or as an admin saves it later: what they print.
      await c.query(
        `INSERT INTO company_settings (legal_name, address) VALUES ('Hébergeur Phocéen SAS', E'25 rue de la République\\n13002 Marseille')`,
      );
      const app = createPrismaClient(url, 2);
      try {
        const invoiceText = textOf(
          await invoicePdf(app, found(await findInvoiceDetail(app, { staff: true }, ids.issued))),
        );
        expect(invoiceText).toContain("F2026-000001");
        expect(invoiceText).toContain("Hébergeur Phocéen SAS");
        expect(invoiceText).toContain("25 rue de la République");
        const noteText = textOf(
          await creditNotePdf(app, found(await findCreditNoteDetail(app, { staff: true }, ids.note))),
        );
        expect(noteText).toContain("AV2026-000001");
        expect(noteText).toContain("Hébergeur Phocéen SAS");
      } finally {
        await app.$disconnect();
      }
    });
  });
});
