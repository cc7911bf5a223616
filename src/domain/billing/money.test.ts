import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { addMoney, divideRounded, formatMoney, money, parseMoney, splitByLargestRemainder } from "./money";


describe("money", () => {
  it("refuses floats and mixed currencies", () => {
    expect(codeOf(() => money(12.5, "EUR"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => addMoney(money(1, "EUR"), money(1, "USD")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => money(1, "XYZ"))).toBe("VALIDATION_FAILED");
  });

  it("rounds half away from zero, symmetrically", () => {
    expect(divideRounded(25, 10)).toBe(3);
    expect(divideRounded(24, 10)).toBe(2);
    expect(divideRounded(-25, 10)).toBe(-3);
    expect(divideRounded(-24, 10)).toBe(-2);
  });

  it("formats per locale with the currency's decimals, zero-decimal JPY included", () => {
    expect(formatMoney(money(123456, "EUR"), "en")).toBe("€1,234.56");
    expect(formatMoney(money(123456, "EUR"), "fr").replace(/\s/g, " ")).toBe("1 234,56 €");
    expect(formatMoney(money(1500, "JPY"), "en")).toBe("¥1,500");
  });

  it("parses staff input and refuses extra decimals", () => {
    expect(parseMoney("12,5", "EUR").amountMinor).toBe(1250);
    expect(parseMoney("1 234.56", "EUR").amountMinor).toBe(123456);
    expect(parseMoney("-3", "EUR").amountMinor).toBe(-300);
    expect(parseMoney("1500", "JPY").amountMinor).toBe(1500);
    expect(codeOf(() => parseMoney("1.5", "JPY"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => parseMoney("12.345", "EUR"))).toBe("VALIDATION_FAILED");
  });

  it("splits exactly by largest remainder", () => {
    expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = splitByLargestRemainder(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (const [i, p] of parts.entries()) expect(Math.abs(p - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1);
      }),
    );
  });
});
