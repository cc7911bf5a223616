import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBigintId, UUID_RE } from "./row-ids";

describe("row ids in URLs", () => {
  it("accepts every positive bigint in canonical form, up to 2^63 - 1", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (n) => isBigintId(n.toString())));
    expect(isBigintId("9223372036854775807")).toBe(true);
  });

  it("refuses what a bigint cast would reject or read differently", () => {
    for (const text of [
      "",
      "0",
      "-1",
      "01",
      "1.0",
      "1e3",
      " 1",
      "9223372036854775808",
      "9999999999999999999",
      "12345678901234567890",
    ]) {
      expect(isBigintId(text), text).toBe(false);
    }
  });

  it("knows a uuid", () => {
    expect(UUID_RE.test("0f8b2c1e-9a4d-4c3b-8e2f-1a2b3c4d5e6f")).toBe(true);
    expect(UUID_RE.test("0f8b2c1e-9a4d-4c3b-8e2f-1a2b3c4d5e6")).toBe(false);
  });
});
