import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZUpdateCompanySettingsInput } from "@/contracts/company-settings";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { recordPayment } from "@/server/billing/record-payment";
import { findCreditNoteDetail } from "@/server/billing/credit-note-queries";
import { getDb } from "@/server/db/client";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { extractPdfText } from "@/server/pdf/extract-pdf-text";
import { creditNotePdf, invoicePdf } from "@/server/pdf/ledger-pdf";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { getCompanyLogo } from "@/server/settings/get-company-logo";
import { updateCompanySettings } from "@/server/settings/update-company-settings";
import { ctx, makeCustomer, makeDraftInvoice, makeStaff, uniqueEmail } from "../support/factories";
import { codeOf } from "../support/helpers";

// Before getDb(): the environment is parsed (and cached) on the first database access.
process.env.COMPANY_NAME = "Env Seeded SARL";
process.env.COMPANY_ADDRESS = "9 rue du Seed|75001 Paris";
const db = getDb();
// One settings row for the whole test database: start from none (other files may have read it), and
// leave none behind (these tests change the payment terms other files' invoices rely on).
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
const PNG_1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** The form as an admin fills it: every field is text. */
const form = (over: Record<string, string> = {}) =>
  ZUpdateCompanySettingsInput.parse({
    legalName: "Hébergeur Łódź SAS",
    address: "1 place Bellecour\n69002 Lyon",
    country: "fr",
    registrationNumber: "RCS Lyon 912 345 678",
    vatNumber: "FR32912345678",
    email: "facturation@example.com",
    phone: "+33 4 72 00 00 00",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "agrifrpp",
    accountNumber: "",
    routingNumber: "",
    paymentInstructions: "Virement en rappelant le numéro de facture.",
    footerText: "SAS au capital de 10 000 €",
    paymentTermsDays: "45",
    latePenaltyRate: "12,15",
    recoveryIndemnity: "on",
    legalMentions: "Pas d'escompte pour paiement anticipé.",
    ...over,
  });

describe("company settings", () => {
  it("are created once from the COMPANY_* variables on first read, then come from the database", async () => {
    const first = await getCompanySettings(db);
    expect(first).toMatchObject({ legalName: "Env Seeded SARL", address: "9 rue du Seed\n75001 Paris", paymentTermsDays: 30 });
    const [a, b] = await Promise.all([getCompanySettings(db), getCompanySettings(db)]);
    expect(a.updatedAt).toEqual(b.updatedAt);
    expect(await db.companySettings.count()).toBe(1);
  });

  it("refuse NUL bytes and a wrong IBAN field by field", () => {
    const r = ZUpdateCompanySettingsInput.safeParse({ ...form(), legalName: "Evil\u0000Corp", iban: "FR76 0000", paymentTermsDays: "45", latePenaltyRate: "", recoveryIndemnity: "on", removeLogo: "false" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["legalName", "iban"]));
  });

  it("are saved by an admin with an audit event naming the changed fields, not their values", async () => {
    const admin = await makeStaff(["ADMIN"]);
    await updateCompanySettings(db, admin, form(), null, ctx, jan15);
    const s = await getCompanySettings(db);
    expect(s).toMatchObject({ legalName: "Hébergeur Łódź SAS", country: "FR", iban: "FR7630006000011234567890189", bic: "AGRIFRPP", latePenaltyRateBp: 1215, recoveryIndemnity: true, updatedById: admin.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "company_settings.updated", actorUserId: admin.id } });
    expect((audit.details as { fields: string[] }).fields).toEqual(expect.arrayContaining(["legalName", "iban", "paymentTermsDays"]));
    expect(JSON.stringify(audit.details)).not.toContain("FR763000");
  });

  it("accept a PNG logo by its bytes, refuse an SVG renamed .png, and can go back to the default", async () => {
    const admin = await makeStaff(["ADMIN"]);
    await updateCompanySettings(db, admin, form(), PNG_1x1, ctx, jan15);
    expect(await getCompanyLogo(db)).toMatchObject({ mimeType: "image/png" });
    const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    expect(await codeOf(updateCompanySettings(db, admin, form(), svg, ctx, jan15))).toBe("INVALID_LOGO");
    expect(await getCompanyLogo(db)).toMatchObject({ mimeType: "image/png" });
    await updateCompanySettings(db, admin, form({ removeLogo: "on" }), null, ctx, jan15);
    expect(await getCompanyLogo(db)).toBeNull();
  });

  it("give issued invoices their payment terms and e-mails their name", async () => {
    const admin = await makeStaff(["ADMIN"]);
    await updateCompanySettings(db, admin, form({ paymentTermsDays: "45" }), null, ctx, jan15);
    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, jan15);
    const inv = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(inv.dueDate?.toISOString().slice(0, 10)).toBe("2026-03-01"); // Jan 15 + 45 days
    const to = uniqueEmail("mail");
    await db.$transaction((tx) => enqueueEmail(tx, to, "en", { template: "passwordReset", params: { name: "Ana", link: "http://x/reset", expiresAt: jan15 } } as never, `test-${to}`, jan15));
    const email = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: to } });
    expect(`${email.subject}\n${email.text}`).toContain("Hébergeur Łódź SAS");
  });
});

describe("invoice and credit note PDFs", () => {
  it("print the provider from the settings and add up from the total through payments and credit notes", async () => {
    const admin = await makeStaff(["ADMIN"]);
    await updateCompanySettings(db, admin, form(), PNG_1x1, ctx, jan15);
    const customer = await makeCustomer({ legalName: "Москва Ελλάδα İstanbul", locale: "fr" });
    const { invoiceId, staff } = await makeDraftInvoice({ customerId: customer.id });

    const draftText = extractPdfText(await invoicePdf(db, found(await findInvoiceDetail(db, { staff: true }, invoiceId)))).join("\n");
    expect(draftText).toContain("BROUILLON");
    expect(draftText).not.toMatch(/F2026-\d{6}/);

    const { number } = await issueInvoice(db, staff, invoiceId, jan15);
    await recordPayment(db, staff, invoiceId, { amountMinor: 5000, method: "TRANSFER", reference: "VIR-881", receivedOn: "2026-01-20" }, jan15);
    const { creditNoteId } = await createCreditNote(db, staff, invoiceId, { mode: "amount", reason: "Geste commercial", grossMinor: 2275 }, jan15);

    const pdf = await invoicePdf(db, found(await findInvoiceDetail(db, { staff: true }, invoiceId)));
    const text = extractPdfText(pdf).join(" ").replace(/\s+/g, " ");
    for (const s of [`Facture ${number}`, "Hébergeur Łódź SAS", "Москва Ελλάδα İstanbul", "RCS Lyon 912 345 678", "FR76 3000 6000 0112 3456 7890 189", "12,15 %", "40,00 €", "SAS au capital de 10 000 €", "Base HT"]) {
      expect(text).toContain(s);
    }
    // 172,75 € − 22,75 € (credit note of Jan 15) − 50,00 € (payment of Jan 20) = 100,00 €, in date order.
    let at = text.indexOf("Total TTC");
    for (const s of ["172,75 €", "Avoir AV2026-", "-22,75 €", "Paiement du 20 janv. 2026 (VIR-881)", "-50,00 €", "Montant dû", "100,00 €"]) {
      const next = text.indexOf(s, at);
      expect(next, `${s} after position ${at} in: ${text}`).toBeGreaterThan(at);
      at = next;
    }
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);

    const noteText = extractPdfText(await creditNotePdf(db, found(await findCreditNoteDetail(db, { staff: true }, creditNoteId)))).join(" ");
    expect(noteText).toContain("Motif : Geste commercial");
    expect(noteText).toContain("Hébergeur Łódź SAS");
  });
});
