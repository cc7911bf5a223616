import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nulBytePaths } from "./nul-bytes";

describe("nulBytePaths", () => {
  it("finds every string and key holding a NUL byte, with its path", () => {
    const input = {
      notes: "a\u0000",
      ok: "fine",
      lines: [{ description: "x" }, { description: "\u0000y" }],
      "k\u0000": 1,
    };
    expect(nulBytePaths(input)).toEqual([["notes"], ["lines", 1, "description"], ["k\u0000"]]);
  });

  it("finds nothing in any value built from NUL-free strings", () => {
    const noNul = fc.string().filter((s) => !s.includes("\u0000"));
    fc.assert(
      fc.property(
        fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v).replaceAll("\\u0000", ""))),
        (v) => nulBytePaths(v).length === 0,
      ),
    );
    fc.assert(fc.property(fc.array(noNul), (a) => nulBytePaths(a).length === 0));
  });

  it("finds a NUL byte wherever it is inserted", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (s, at) => {
        const i = at % (s.length + 1);
        return nulBytePaths({ deep: [{ s: `${s.slice(0, i)}\u0000${s.slice(i)}` }] }).length === 1;
      }),
    );
  });
});
