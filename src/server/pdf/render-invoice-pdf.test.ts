import { describe, expect, it } from "vitest";
import { countPdfPages, extractPdfText } from "./extract-pdf-text";
import { type InvoicePdfData, renderInvoicePdf } from "./render-invoice-pdf";

const labels: InvoicePdfData["labels"] = {
  title: "Facture", number: "N°", issueDate: "Date", dueDate: "Échéance", seller: "Émetteur", buyer: "Facturé à", description: "Désignation",
  quantity: "Qté", unitPrice: "Prix unitaire", taxRate: "TVA", net: "Montant HT", taxBreakdown: "Détail de la TVA",
  totalNet: "Total HT", totalTax: "TVA", totalGross: "Total TTC", amountDue: "Montant dû", status: "Statut", correctsInvoice: "Corrige", taxId: "N° TVA", page: "Page",
};

const invoice = (lines: number): InvoicePdfData => ({
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
});

describe("renderInvoicePdf", () => {
  it("writes accented text, periods, tax breakdown and totals that can be read back", async () => {
    const pdf = await renderInvoicePdf(invoice(3));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = extractPdfText(pdf).join("\n");
    for (const expected of ["Facture F2026-000042", "Crème Brûlée SARL — Ñandú", "¿Soporte técnico?", "Période de service : 1 janv. 2026 – 31 janv. 2026", "Détail de la TVA", "1 481,47 €", "Échéance"]) {
      expect(text).toContain(expected);
    }
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
