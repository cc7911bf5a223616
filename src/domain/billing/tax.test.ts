import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDocumentTotals, formatTaxRate, type TaxableLine, taxOn } from "./tax";

const lines = fc.array(
  fc.record({
    netMinor: fc.integer({ min: -1e9, max: 1e9 }),
    taxRateBp: fc.constantFrom(0, 210, 550, 1000, 2000, 2100),
  }),
  { maxLength: 30 },
);

describe("document totals (tax per rate group, EN 16931 BR-CO-17)", () => {
  it("rounds tax once per rate, not per line", () => {
    // Three lines of 0.03 at 20 %: per line 0.006 -> 0.01, so 0.03; per group 0.09 x 20 % = 0.018 -> 0.02.
    const t = computeDocumentTotals([3, 3, 3].map((netMinor) => ({ netMinor, taxRateBp: 2000 })));
    expect(t).toEqual({
      groups: [{ taxRateBp: 2000, netMinor: 9, taxMinor: 2 }],
      netMinor: 9,
      taxMinor: 2,
      grossMinor: 11,
    });
  });

  it("differs from per-line rounding where the house rule says it should", () => {
    // Three lines of 1.05 at 5.5 %: per line 0.05775 -> 0.06, so 0.18; per group 3.15 x 5.5 % = 0.17325 -> 0.17.
    const invoice: TaxableLine[] = [105, 105, 105].map((netMinor) => ({ netMinor, taxRateBp: 550 }));
    const perLine = invoice.reduce((a, l) => a + taxOn(l.netMinor, l.taxRateBp), 0);
    const t = computeDocumentTotals(invoice);
    expect(perLine).toBe(18);
    expect(t.taxMinor).toBe(17);
    expect(t.grossMinor).toBe(332);
  });

  it("keeps one group per rate, sorted by rate, with discounts", () => {
    const t = computeDocumentTotals([
      { netMinor: 10000, taxRateBp: 2000 },
      { netMinor: 5000, taxRateBp: 550 },
      { netMinor: -1000, taxRateBp: 2000 },
      { netMinor: 700, taxRateBp: 0 },
    ]);
    expect(t.groups).toEqual([
      { taxRateBp: 0, netMinor: 700, taxMinor: 0 },
      { taxRateBp: 550, netMinor: 5000, taxMinor: 275 },
      { taxRateBp: 2000, netMinor: 9000, taxMinor: 1800 },
    ]);
    expect(t).toMatchObject({ netMinor: 14700, taxMinor: 2075, grossMinor: 16775 });
    expect(computeDocumentTotals([])).toEqual({ groups: [], netMinor: 0, taxMinor: 0, grossMinor: 0 });
  });

  it("rounds negative groups symmetrically (credit notes mirror invoices)", () => {
    expect(taxOn(25, 2000)).toBe(5);
    expect(taxOn(-25, 2000)).toBe(-5);
    expect(taxOn(-2, 2000)).toBe(0); // -0.4 -> 0, never -0
    expect(Object.is(taxOn(-2, 2000), 0)).toBe(true);
    expect(taxOn(-10, 550)).toBe(-1); // -0.55 -> -1
    expect(taxOn(-9, 550)).toBe(0); // -0.495 -> 0
  });

  it("group nets add up to the line nets and gross = net + tax", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const t = computeDocumentTotals(ls);
        expect(t.netMinor).toBe(ls.reduce((a, l) => a + l.netMinor, 0));
        expect(t.groups.reduce((a, g) => a + g.netMinor, 0)).toBe(t.netMinor);
        expect(t.groups.reduce((a, g) => a + g.taxMinor, 0)).toBe(t.taxMinor);
        expect(t.grossMinor).toBe(t.netMinor + t.taxMinor);
        const rates = t.groups.map((g) => g.taxRateBp);
        expect(rates).toEqual([...new Set(ls.map((l) => l.taxRateBp))].sort((a, b) => a - b));
      }),
    );
  });

  it("each group's tax is its net x rate rounded half away from zero", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        for (const g of computeDocumentTotals(ls).groups) {
          const exactTimes10k = g.netMinor * g.taxRateBp;
          const error = g.taxMinor * 10_000 - exactTimes10k;
          expect(Math.abs(error)).toBeLessThanOrEqual(5000);
          if (Math.abs(error) === 5000)
            expect(Math.abs(g.taxMinor * 10_000)).toBeGreaterThan(Math.abs(exactTimes10k));
        }
      }),
    );
  });

  it("does not depend on line order, and negating every line negates the totals", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const t = computeDocumentTotals(ls);
        expect(computeDocumentTotals([...ls].reverse())).toEqual(t);
        const negated = computeDocumentTotals(ls.map((l) => ({ ...l, netMinor: -l.netMinor || 0 })));
        expect(negated.groups).toEqual(
          t.groups.map((g) => ({ ...g, netMinor: -g.netMinor || 0, taxMinor: -g.taxMinor || 0 })),
        );
        expect(negated.grossMinor).toBe(-t.grossMinor || 0);
      }),
    );
  });
});

describe("tax rates for people", () => {
  it("prints basis points as a percentage in the reader's language", () => {
    const space = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
    expect(formatTaxRate(2000, "en")).toBe("20%");
    expect(space(formatTaxRate(550, "fr"))).toBe("5,5 %");
    expect(space(formatTaxRate(2100, "es"))).toBe("21 %");
  });
});
