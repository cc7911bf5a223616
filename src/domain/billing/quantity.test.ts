import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { lineNetMinor, parseQuantity, quantityToDecimalString } from "./quantity";

describe("quantities", () => {
  it("are read with up to three decimals, as integer thousandths", () => {
    expect(parseQuantity("1.25")).toBe(1250);
    expect(parseQuantity("2,5")).toBe(2500);
    expect(parseQuantity(" 0.001 ")).toBe(1);
    expect(parseQuantity(3)).toBe(3000);
    expect(parseQuantity(1.005)).toBe(1005); // 1.005 * 1000 is 1004.999... in floating point
    expect(quantityToDecimalString(parseQuantity("2,5"))).toBe("2.500");
    for (const bad of ["1.2345", "0", "0.000", "-1", "1e3", "", "abc", "1.", ".5"]) {
      expect(
        codeOf(() => parseQuantity(bad)),
        bad,
      ).toBe("VALIDATION_FAILED");
    }
  });

  it("round-trip through their storage form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), (milli) => {
        expect(parseQuantity(quantityToDecimalString(milli))).toBe(milli);
      }),
    );
  });
});

describe("line amounts", () => {
  it("multiply by quantities with three decimals, rounding per line half away from zero", () => {
    expect(lineNetMinor(9000, parseQuantity("1.25"))).toBe(11250); // 1.25 h at 90.00
    expect(lineNetMinor(333, parseQuantity("0.5"))).toBe(167); // 166.5 -> 167
    expect(lineNetMinor(-333, parseQuantity("0.5"))).toBe(-167); // a discount rounds symmetrically
    expect(lineNetMinor(1, parseQuantity("0.499"))).toBe(0);
    expect(lineNetMinor(1500, parseQuantity("0.333"))).toBe(500); // JPY: 499.5 yen -> 500
    expect(codeOf(() => lineNetMinor(12.5, 1000))).toBe("VALIDATION_FAILED");
  });

  it("are the unit price for a quantity of one, and symmetric in the price's sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (unit, milli) => {
        expect(lineNetMinor(unit, 1000)).toBe(unit);
        expect(lineNetMinor(-unit, milli)).toBe(-lineNetMinor(unit, milli) || 0);
        // Within half a minor unit of the exact product.
        expect(Math.abs(lineNetMinor(unit, milli) * 1000 - unit * milli)).toBeLessThanOrEqual(500);
      }),
    );
  });
});
