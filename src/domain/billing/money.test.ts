import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import {
  addMoney,
  allocate,
  currencyExponent,
  divideRounded,
  formatMoney,
  money,
  parseMoney,
  splitByLargestRemainder,
  subtractMoney,
  sumMoney,
} from "./money";

/** Half away from zero, computed with BigInt as an independent reference. */
function referenceDivideRounded(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d; // truncates toward zero
  const r = n % d;
  const twiceAbsR = 2n * (r < 0n ? -r : r);
  return Number(twiceAbsR >= d ? q + (n < 0n ? -1n : 1n) : q);
}

const space = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money", () => {
  it("refuses floats, unknown currencies and mixed currencies", () => {
    expect(codeOf(() => money(12.5, "EUR"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => money(2 ** 53, "EUR"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => money(1, "XYZ"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => money(1, "constructor"))).toBe("VALIDATION_FAILED");
    expect(codeOf(() => addMoney(money(1, "EUR"), money(1, "USD")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => subtractMoney(money(1, "EUR"), money(1, "JPY")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => sumMoney([money(1, "EUR"), money(1, "CHF")], "EUR"))).toBe("CURRENCY_MISMATCH");
  });

  it("knows each currency's decimals", () => {
    expect(["EUR", "USD", "CAD", "GBP", "CHF", "JPY", "KWD"].map(currencyExponent)).toEqual([
      2, 2, 2, 2, 2, 0, 3,
    ]);
  });

  it("adds, subtracts and sums in one currency", () => {
    expect(addMoney(money(150, "EUR"), money(-50, "EUR"))).toEqual(money(100, "EUR"));
    expect(subtractMoney(money(150, "JPY"), money(200, "JPY"))).toEqual(money(-50, "JPY"));
    expect(sumMoney([], "USD")).toEqual(money(0, "USD"));
    expect(sumMoney([money(1, "USD"), money(2, "USD"), money(3, "USD")], "USD").amountMinor).toBe(6);
  });

  it("rounds half away from zero, symmetrically", () => {
    expect(divideRounded(25, 10)).toBe(3);
    expect(divideRounded(24, 10)).toBe(2);
    expect(divideRounded(-25, 10)).toBe(-3);
    expect(divideRounded(-24, 10)).toBe(-2);
    expect(Object.is(divideRounded(-4, 10), 0)).toBe(true); // not -0, which would print "-€0.00"
    expect(codeOf(() => divideRounded(1, 0))).toBe("VALIDATION_FAILED");
  });

  it("rounds exactly like the BigInt reference over the whole safe range", () => {
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const denominator = fc.oneof(
      fc.integer({ min: 1, max: 20 }),
      fc.constantFrom(1000, 10_000),
      fc.integer({ min: 1, max: 2 ** 40 }),
    );
    fc.assert(
      fc.property(safe, denominator, (n, d) => {
        expect(divideRounded(n, d)).toBe(referenceDivideRounded(n, d));
        expect(divideRounded(-n, d)).toBe(-divideRounded(n, d) || 0);
      }),
    );
  });

  it("formats per locale with the currency's decimals, zero-decimal JPY included", () => {
    expect(formatMoney(money(123456, "EUR"), "en")).toBe("€1,234.56");
    expect(space(formatMoney(money(123456, "EUR"), "fr"))).toBe("1 234,56 €");
    expect(space(formatMoney(money(1234556, "EUR"), "es"))).toBe("12.345,56 €");
    expect(formatMoney(money(1500, "JPY"), "en")).toBe("¥1,500");
    expect(space(formatMoney(money(1500, "JPY"), "fr"))).toBe("1 500 JPY");
    expect(formatMoney(money(-250, "USD"), "en")).toBe("-$2.50");
    expect(space(formatMoney(money(1234, "KWD"), "en"))).toBe("KWD 1.234");
    expect(formatMoney(money(-0, "EUR"), "en")).toBe("€0.00");
  });

  it("parses staff input and refuses extra decimals", () => {
    expect(parseMoney("12.50", "EUR").amountMinor).toBe(1250);
    expect(parseMoney("12,5", "EUR").amountMinor).toBe(1250);
    expect(parseMoney(" 1 234.56 ", "EUR").amountMinor).toBe(123456);
    expect(parseMoney("1\u202f234,56", "EUR").amountMinor).toBe(123456);
    expect(parseMoney("-3", "EUR").amountMinor).toBe(-300);
    expect(Object.is(parseMoney("-0", "EUR").amountMinor, 0)).toBe(true);
    expect(parseMoney("1500", "JPY").amountMinor).toBe(1500);
    expect(parseMoney("1.234", "KWD").amountMinor).toBe(1234);
    for (const [text, currency] of [
      ["1.5", "JPY"],
      ["12.345", "EUR"],
      ["12.", "EUR"],
      [".5", "EUR"],
      ["1e3", "EUR"],
      ["abc", "EUR"],
      ["", "EUR"],
      ["1.2.3", "EUR"],
    ] as const) {
      expect(
        codeOf(() => parseMoney(text, currency)),
        text,
      ).toBe("VALIDATION_FAILED");
    }
    expect(() => parseMoney("12.345", "EUR")).toThrow(/TOO_MANY_DECIMALS/);
  });

  it("parses back what it would print as a plain decimal", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom("EUR", "JPY", "KWD"),
        (minor, currency) => {
          const digits = currencyExponent(currency);
          const abs = Math.abs(minor);
          const unit = 10 ** digits;
          const text = `${minor < 0 ? "-" : ""}${Math.floor(abs / unit)}${digits ? `,${String(abs % unit).padStart(digits, "0")}` : ""}`;
          expect(parseMoney(text, currency).amountMinor).toBe(minor);
        },
      ),
    );
  });
});

describe("splitting by largest remainder", () => {
  it("gives leftover units to the largest remainders, ties to the earliest index", () => {
    expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitByLargestRemainder(10, [1, 2, 2])).toEqual([2, 4, 4]);
    expect(splitByLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitByLargestRemainder(5, [0, 3, 0])).toEqual([0, 5, 0]);
    expect(splitByLargestRemainder(-1, [1, 1])).toEqual([-1, 0]);
    expect(Object.is(splitByLargestRemainder(-1, [1, 1])[1], 0)).toBe(true);
    for (const bad of [[], [0, 0], [1, -1], [1.5]])
      expect(codeOf(() => splitByLargestRemainder(10, bad))).toBe("VALIDATION_FAILED");
  });

  it("allocates Money in the same currency", () => {
    expect(allocate(money(1000, "JPY"), [1, 2])).toEqual([money(333, "JPY"), money(667, "JPY")]);
  });

  it("parts sum to the total and stay within one unit of the exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = splitByLargestRemainder(total, weights);
          const weightSum = BigInt(weights.reduce((a, b) => a + b, 0));
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const [i, part] of parts.entries()) {
            // |part - total*w/sum| < 1, checked exactly: |part*sum - total*w| < sum.
            const gap = BigInt(part) * weightSum - BigInt(total) * BigInt(weights[i] ?? 0);
            expect((gap < 0n ? -gap : gap) < weightSum).toBe(true);
          }
        },
      ),
    );
  });

  it("is deterministic and symmetric for negative totals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const positive = splitByLargestRemainder(total, weights);
          expect(splitByLargestRemainder(total, weights)).toEqual(positive);
          expect(splitByLargestRemainder(-total, weights)).toEqual(positive.map((p) => -p || 0));
        },
      ),
    );
  });
});
