import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTaxId, parseTaxId, TAX_ID_FORMATS } from "./tax-id";

describe("tax-ID formats", () => {
  it.each([
    ["NINE_DIGITS", "123456789", "123456789"],
    ["NINE_DIGITS", " 123456789 ", "123456789"],
    ["EMPLOYER_NUMBER", "12-3456789", "123456789"],
    ["SOCIAL_SECURITY", "123-45-6789", "123456789"],
    ["FREE_TEXT", "fr 12 345678901", "FR12345678901"],
  ] as const)("%s accepts %j as %s", (format, input, stored) => {
    expect(parseTaxId(format, input)).toEqual({ ok: true, normalised: stored });
  });

  it.each([
    ["NINE_DIGITS", "12345678"],
    ["NINE_DIGITS", "1234567890"],
    ["NINE_DIGITS", "12-3456789"],
    ["NINE_DIGITS", "12345678a"],
    ["EMPLOYER_NUMBER", "123456789"],
    ["EMPLOYER_NUMBER", "12-34567890"], // the source's nn-nnnnnnnn breaks its own nine-digit rule
    ["EMPLOYER_NUMBER", "123-45-6789"],
    ["SOCIAL_SECURITY", "123-45-678"], // the source's nnn-nn-nnn, likewise
    ["SOCIAL_SECURITY", "123456789"],
    ["SOCIAL_SECURITY", "123 45 6789"],
  ] as const)("%s refuses %j", (format, input) => {
    expect(parseTaxId(format, input)).toMatchObject({ ok: false, reason: "WRONG_FORMAT" });
  });

  it("refuses empty and overlong values", () => {
    for (const format of TAX_ID_FORMATS) expect(parseTaxId(format, "  ")).toMatchObject({ ok: false, reason: "EMPTY" });
    expect(parseTaxId("FREE_TEXT", "x".repeat(41))).toMatchObject({ ok: false, reason: "TOO_LONG" });
  });

  it("round-trips nine digits through every numeric format", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.constantFrom("NINE_DIGITS", "EMPLOYER_NUMBER", "SOCIAL_SECURITY" as const), (digits, format) => {
        const shown = formatTaxId(format, digits);
        expect(parseTaxId(format, shown)).toEqual({ ok: true, normalised: digits });
      }),
    );
  });
});
