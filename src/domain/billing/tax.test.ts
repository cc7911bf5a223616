import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity, lineNetMinor, quantityToDecimalString } from "./quantity";
import { computeDocumentTotals } from "./tax";

describe("line amounts", () => {
  it("multiplies by quantities with three decimals, rounding per line", () => {
    expect(lineNetMinor(9000, parseQuantity("1.25"))).toBe(11250);
    expect(lineNetMinor(333, parseQuantity("0.5"))).toBe(167); // 166.5 -> 167
    expect(lineNetMinor(-333, parseQuantity("0.5"))).toBe(-167);
    expect(quantityToDecimalString(parseQuantity("2,5"))).toBe("2.500");
    expect(() => parseQuantity("1.2345")).toThrow();
    expect(() => parseQuantity("0")).toThrow();
  });
});

describe("document totals (tax per rate group, EN 16931)", () => {
  it("rounds tax once per rate, not per line", () => {
    // Three lines of 0.05 at 20 %: per line 0.01 x 3 = 0.03; per group 0.15 x 20 % = 0.03.
    // Three lines of 0.03 at 20 %: per line 0.01 x 3 = 0.03 (0.006 -> 0.01); per group 0.09 -> 0.02.
    const t = computeDocumentTotals([3, 3, 3].map((netMinor) => ({ netMinor, taxRateBp: 2000 })));
    expect(t).toEqual({ groups: [{ taxRateBp: 2000, netMinor: 9, taxMinor: 2 }], netMinor: 9, taxMinor: 2, grossMinor: 11 });
  });

  it("keeps one group per rate, sorted, with discounts", () => {
    const t = computeDocumentTotals([
      { netMinor: 10000, taxRateBp: 2000 },
      { netMinor: 5000, taxRateBp: 550 },
      { netMinor: -1000, taxRateBp: 2000 },
    ]);
    expect(t.groups).toEqual([
      { taxRateBp: 550, netMinor: 5000, taxMinor: 275 },
      { taxRateBp: 2000, netMinor: 9000, taxMinor: 1800 },
    ]);
    expect(t.grossMinor).toBe(16075);
  });

  it("group nets always add up to the line nets and gross = net + tax", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ netMinor: fc.integer({ min: -1e7, max: 1e7 }), taxRateBp: fc.constantFrom(0, 550, 1000, 2000, 2100) })), (lines) => {
        const t = computeDocumentTotals(lines);
        expect(t.netMinor).toBe(lines.reduce((a, l) => a + l.netMinor, 0));
        expect(t.grossMinor).toBe(t.netMinor + t.taxMinor);
        expect(new Set(t.groups.map((g) => g.taxRateBp)).size).toBe(t.groups.length);
      }),
    );
  });
});
