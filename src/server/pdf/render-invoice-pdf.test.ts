import { describe, expect, it } from "vitest";
import { countPdfPages, extractPdfText } from "./extract-pdf-text";
import { type InvoicePdfData, renderInvoicePdf } from "./render-invoice-pdf";

const labels: InvoicePdfData["labels"] = {
  title: "Facture", number: "N°", issueDate: "Date", dueDate: "Échéance", seller: "Émetteur", buyer: "Facturé à", description: "Désignation",
  quantity: "Qté", unitPrice: "Prix unitaire", taxRate: "TVA", net: "Montant HT", taxBreakdown: "Détail de la TVA", taxBase: "Base HT", taxAmount: "Montant TVA",
  totalNet: "Total HT", totalTax: "TVA", totalGross: "Total TTC", amountDue: "Montant dû", status: "Statut", correctsInvoice: "Corrige", taxId: "N° TVA", page: "Page",
  purchaseOrder: "Bon de commande", reason: "Motif", draft: "BROUILLON", draftNotice: "Brouillon — pas une facture valable", paymentDetails: "Règlement",
};

const invoice = (lines: number, over: Partial<InvoicePdfData> = {}): InvoicePdfData => ({
  kind: "invoice",
  labels,
  number: "F2026-000042",
  issueDate: "15 janv. 2026",
  dueDate: "14 févr. 2026",
  status: "À payer",
  seller: { name: "Comptoir Hébergement", addressLines: ["1 place Bellecour", "69002 Lyon"], taxId: "FR00999999999" },
  buyer: { name: "Crème Brûlée SARL — Ñandú", addressLines: ["12 rue des Fournils"], taxId: "FR40123456789" },
  lines: Array.from({ length: lines }, (_, i) => ({
    description: i === 0 ? "¿Soporte técnico?" : `Serveur dédié n°${i}`,
    quantity: "1",
    unitPrice: "149,00 €",
    net: "1\u202f234,56 €",
    taxRate: "20 %",
    period: "Période de service : 1 janv. 2026 – 31 janv. 2026",
  })),
  taxLines: [{ rate: "20 %", net: "1\u202f234,56 €", tax: "246,91 €" }],
  totals: { net: "1\u202f234,56 €", tax: "246,91 €", gross: "1\u202f481,47 €", amountDue: "1\u202f481,47 €" },
  ...over,
});

const textOf = async (data: InvoicePdfData) => extractPdfText(await renderInvoicePdf(data)).join("\n");

describe("renderInvoicePdf", () => {
  it("writes accented text, periods, tax breakdown and totals that can be read back", async () => {
    const pdf = await renderInvoicePdf(invoice(3));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = extractPdfText(pdf).join("\n");
    for (const expected of ["Facture F2026-000042", "Crème Brûlée SARL — Ñandú", "¿Soporte técnico?", "Période de service : 1 janv. 2026 – 31 janv. 2026", "Détail de la TVA", "1\u202f481,47 €", "Échéance"]) {
      expect(text).toContain(expected);
    }
  });

  it("prints Polish, Turkish, Greek and Cyrillic names as typed, and a visible mark for what the font lacks", async () => {
    const names = ["Łódź", "İstanbul", "Ελλάδα", "Москва", "Ünïcödé"];
    const text = await textOf(invoice(1, { buyer: { name: names.join(" "), addressLines: names }, lines: [{ description: "Ünïcödé 🍞", quantity: "1", unitPrice: "1 €", net: "1 €", taxRate: "0 %" }] }));
    for (const n of names) expect(text).toContain(n);
    expect(text).toContain("Ünïcödé \uFFFD"); // the emoji is not in DejaVu Sans: a replacement mark, never "?"
    expect(text).not.toContain("?");
  });

  it("adds up from the total to the amount due through each payment and credit note", async () => {
    const text = await textOf(
      invoice(1, {
        settlements: [
          { label: "Paiement du 20 janv. 2026 (VIR-881)", amount: "−500,00 €" },
          { label: "Avoir A2026-000003 du 25 janv. 2026", amount: "−100,00 €" },
        ],
        totals: { net: "1\u202f234,56 €", tax: "246,91 €", gross: "1\u202f481,47 €", amountDue: "881,47 €" },
      }),
    );
    const order = ["Total TTC", "1\u202f481,47 €", "Paiement du 20 janv. 2026 (VIR-881)", "−500,00 €", "Avoir A2026-000003 du 25 janv. 2026", "−100,00 €", "Montant dû", "881,47 €"];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("labels the purchase order, the credit note's reason and the VAT columns, and prints the provider's blocks", async () => {
    const text = await textOf(
      invoice(1, {
        purchaseOrder: "BC2026-000007",
        reason: "Geste commercial",
        seller: { name: "Comptoir SAS", addressLines: ["Lyon"], registrationNumber: "RCS Lyon 912 345 678", taxId: "FR32912345678", phone: "Tél. +33 4 72 00 00 00" },
        paymentDetails: ["IBAN FR76 3000 6000 0112 3456 7890 189    BIC AGRIFRPP"],
        legalMentions: ["Indemnité forfaitaire pour frais de recouvrement : 40,00 €"],
        footer: "Comptoir SAS au capital de 10 000 €",
      }),
    );
    for (const s of ["Bon de commande : BC2026-000007", "Motif : Geste commercial", "Base HT", "Montant TVA", "RCS Lyon 912 345 678", "Règlement", "IBAN FR76 3000", "40,00 €", "Comptoir SAS au capital de 10 000 €"]) {
      expect(text).toContain(s);
    }
  });

  it("marks a draft on every page and prints no number", async () => {
    const pdf = await renderInvoicePdf(invoice(80, { number: null, draft: true }));
    const pages = extractPdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain("BROUILLON");
    expect(pages[0]).toContain("Facture — BROUILLON");
    expect(pages.join("\n")).not.toContain("F2026-000042");
  });

  it("draws the logo when one is given", async () => {
    // A 1×1 PNG: pdfkit embeds it as an image XObject.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
    const without = await renderInvoicePdf(invoice(1));
    const withLogo = await renderInvoicePdf(invoice(1, { logo: png }));
    expect(without.toString("latin1")).not.toMatch(/\/Subtype \/Image/);
    expect(withLogo.toString("latin1")).toMatch(/\/Subtype \/Image/);
  });

  it("continues long invoices on further pages, each numbered", async () => {
    const pdf = await renderInvoicePdf(invoice(80));
    const pages = extractPdfText(pdf);
    const count = countPdfPages(pdf);
    expect(count).toBeGreaterThan(1);
    expect(pages).toHaveLength(count);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} / ${count}`);
    });
    expect(pages[1]).toContain("Désignation");
    expect(pages.join("\n")).toContain("Serveur dédié n°79");
  });
});

describe("extractPdfText", () => {
  it("reads a ligature's two letters back (its CMap entry holds a space: <0066 0066>)", async () => {
    const text = await textOf(invoice(2, { buyer: { name: "Staff Office Effi", addressLines: ["billing-2dffd867@example.com"], taxId: null } }));
    for (const s of ["Staff Office Effi", "billing-2dffd867@example.com", "Serveur dédié", "Total TTC"]) expect(text).toContain(s);
  });
});
