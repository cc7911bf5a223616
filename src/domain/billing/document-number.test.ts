import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "@/domain/shared/domain-error";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { formatDocumentNumber, validateNumberPattern } from "./document-number";

/** The reason a pattern is refused for, or "OK". */
function refusal(pattern: string): unknown {
  try {
    validateNumberPattern(pattern);
    return "OK";
  } catch (e) {
    if (isDomainError(e) && e.code === "VALIDATION_FAILED") return e.details?.reason;
    throw e;
  }
}

const literal = fc.string({ unit: fc.constantFrom(..."AFV0129-_/."), maxLength: 6 });
const seqToken = fc.oneof(
  fc.constant("{SEQ}"),
  fc.integer({ min: 1, max: 12 }).map((n) => `{SEQ:${n}}`),
);
/** Valid patterns: literal text around an optional year token and exactly one sequence token. */
const anyPattern = fc
  .tuple(literal, fc.constantFrom("", "{YYYY}", "{YY}"), literal, seqToken, literal)
  .map((pieces) => pieces.join(""))
  .filter((pattern) => pattern.length <= 40);

describe("document numbers", () => {
  it("format the year and the padded sequence", () => {
    expect(formatDocumentNumber("F{YYYY}-{SEQ:6}", { year: 2026, sequence: 123 })).toBe("F2026-000123");
    expect(formatDocumentNumber("AV{YY}/{SEQ}", { year: 2026, sequence: 7 })).toBe("AV26/7");
    expect(formatDocumentNumber("{YY}{SEQ:3}", { year: 2005, sequence: 42 })).toBe("05042");
    expect(formatDocumentNumber("{SEQ:12}", { year: 2026, sequence: 1 })).toBe("000000000001");
  });

  it("print a sequence that overflows the padding in full", () => {
    expect(formatDocumentNumber("F{SEQ:2}", { year: 2026, sequence: 1234 })).toBe("F1234");
    expect(formatDocumentNumber("F{YYYY}-{SEQ:6}", { year: 2026, sequence: 1_234_567 })).toBe(
      "F2026-1234567",
    );
  });

  it("refuse sequences and years that no counter produces", () => {
    for (const sequence of [0, -5, 1.5, Number.NaN]) {
      expect(
        codeOf(() => formatDocumentNumber("F{SEQ:6}", { year: 2026, sequence })),
        String(sequence),
      ).toBe("VALIDATION_FAILED");
    }
    for (const year of [0, 10_000, 2026.5]) {
      expect(
        codeOf(() => formatDocumentNumber("F{YYYY}{SEQ}", { year, sequence: 1 })),
        String(year),
      ).toBe("VALIDATION_FAILED");
    }
  });

  it("refuse patterns without exactly one sequence, with unknown tokens or odd characters, saying why", () => {
    expect(refusal("F{YYYY}-{SEQ:6}")).toBe("OK");
    expect(refusal("F{YYYY}")).toBe("NEEDS_ONE_SEQ");
    expect(refusal("{SEQ}{SEQ:3}")).toBe("NEEDS_ONE_SEQ");
    expect(refusal("F{MONTH}-{SEQ}")).toBe("UNKNOWN_TOKEN");
    expect(refusal("F{SEQ:123}")).toBe("UNKNOWN_TOKEN");
    expect(refusal("F{SEQ")).toBe("UNKNOWN_TOKEN");
    expect(refusal("F {SEQ}")).toBe("FORBIDDEN_CHARACTER");
    expect(refusal("F<{SEQ}>")).toBe("FORBIDDEN_CHARACTER");
    expect(refusal("{SEQ:13}")).toBe("SEQ_WIDTH");
    expect(refusal("{SEQ:0}")).toBe("SEQ_WIDTH");
    expect(refusal("")).toBe("LENGTH");
    expect(refusal(`${"F".repeat(40)}{SEQ}`)).toBe("LENGTH");
  });

  it("accept every pattern built from the allowed tokens", () => {
    fc.assert(
      fc.property(anyPattern, (pattern) => {
        expect(refusal(pattern)).toBe("OK");
      }),
    );
  });

  it("give distinct numbers to distinct sequences under a fixed pattern and year", () => {
    fc.assert(
      fc.property(
        anyPattern,
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 1e13 }),
        fc.integer({ min: 1, max: 1e13 }),
        (pattern, year, a, b) => {
          fc.pre(a !== b);
          expect(formatDocumentNumber(pattern, { year, sequence: a })).not.toBe(
            formatDocumentNumber(pattern, { year, sequence: b }),
          );
        },
      ),
    );
  });

  it("always show the sequence's digits", () => {
    fc.assert(
      fc.property(anyPattern, fc.integer({ min: 1, max: 1e13 }), (pattern, sequence) => {
        expect(formatDocumentNumber(pattern, { year: 2026, sequence })).toContain(String(sequence));
      }),
    );
  });
});
