import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/i18n/catalogues";
import { TaxBreakdown } from "./TaxBreakdown";

function render(locale: "en" | "fr", props: Parameters<typeof TaxBreakdown>[0]) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]} timeZone="UTC">
      <TaxBreakdown {...props} />
    </NextIntlClientProvider>,
  );
}

const taxLines = [
  { taxRateBp: 550, netMinor: 10000, taxMinor: 550 },
  { taxRateBp: 2000, netMinor: 12345, taxMinor: 2469 },
];

describe("TaxBreakdown", () => {
  it("is a table with rate, taxable amount and tax columns, the rate heading each row", () => {
    const html = render("en", { taxLines, currency: "EUR", testId: "invoice-tax-lines" });
    expect(html).toContain("<h3");
    expect(html).toContain(catalogues.en.billing.taxBreakdown);
    const columns = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(columns).toEqual([
      catalogues.en.billing.taxRate,
      catalogues.en.billing.pdf.taxBase,
      catalogues.en.billing.pdf.taxAmount,
    ]);
    const rows = [
      ...html.matchAll(
        /<tr data-testid="tax-line"><th scope="row"[^>]*>([^<]*)<\/th><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g,
      ),
    ].map((m) => m.slice(1));
    expect(rows).toEqual([
      ["5.5%", "€100.00", "€5.50"],
      ["20%", "€123.45", "€24.69"],
    ]);
    expect(html).toContain('data-testid="invoice-tax-lines"');
  });

  it("speaks the reader's language", () => {
    const html = render("fr", { taxLines, currency: "EUR" });
    expect(html).toContain(catalogues.fr.billing.pdf.taxBase);
    expect(html).toContain("123,45");
  });

  it("shows only its note while there is nothing to break down (a draft)", () => {
    const html = render("en", {
      taxLines: [],
      currency: "EUR",
      note: catalogues.en.billing.taxBreakdownAtIssue,
    });
    expect(html).toContain(catalogues.en.billing.taxBreakdownAtIssue);
    expect(html).not.toContain("<table");
  });
});
