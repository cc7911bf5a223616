import { describe, expect, it } from "vitest";
import { extractPdfText } from "./extract-pdf-text";
import { renderInvoicePdf } from "./render-invoice-pdf";

describe("extractPdfText", () => {
  it("reads text after a ligature (fi, ff) without shifting later glyphs", async () => {
    const label = (k: string) => k;
    const labels = new Proxy({}, { get: (_t, k) => label(String(k)) }) as Parameters<typeof renderInvoicePdf>[0]["labels"];
    const pdf = await renderInvoicePdf({
      kind: "invoice",
      labels,
      number: "F2026-000001",
      issueDate: "Jan 31, 2026",
      seller: { name: "Office 3ffa", addressLines: [] },
      buyer: { name: "Certificat SSL", addressLines: [] },
      lines: [{ description: "Certificat affiné", quantity: "1", unitPrice: "198,00 €", net: "198,00 €", taxRate: "20 %" }],
      taxLines: [{ rate: "20 %", net: "198,00 €", tax: "39,60 €" }],
      totals: { net: "198,00 €", tax: "39,60 €", gross: "237,60 €" },
    });
    const text = extractPdfText(pdf).join("\n");
    for (const s of ["Office 3ffa", "Certificat affiné", "237,60 €", "39,60 €", "totalGross"]) expect(text).toContain(s);
  });
});
