import { describe, expect, it } from "vitest";
import { isInAppPath } from "./tracked-link";

describe("isInAppPath", () => {
  it("accepts the app's own paths", () => {
    expect(isInAppPath("/portal/invoices/0b7c1f6e-2f4f-4c57-9d0f-0d5e1f3a9b11")).toBe(true);
    expect(isInAppPath("/portal?tab=invoices")).toBe(true);
  });
  it("refuses anything that could leave the app", () => {
    for (const p of [
      "",
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "portal",
      "/a b",
      "/x\u0000",
      "javascript:alert(1)",
      `/${"a".repeat(600)}`,
    ]) {
      expect(isInAppPath(p), p).toBe(false);
    }
  });
});
