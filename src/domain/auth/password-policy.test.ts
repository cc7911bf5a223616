import { describe, expect, it } from "vitest";
import { normalizeEmail, passwordProblem } from "./password-policy";
import { staffMayAct } from "./roles";

describe("passwordProblem", () => {
  it("wants at least ten characters, counted as code points", () => {
    expect(passwordProblem("short", "a@b.c")).toBe("TOO_SHORT");
    expect(passwordProblem("ééééééééé", "a@b.c")).toBe("TOO_SHORT");
    expect(passwordProblem("éééééééééé", "a@b.c")).toBeNull();
    expect(passwordProblem("x".repeat(201), "a@b.c")).toBe("TOO_LONG");
  });
  it("refuses the e-mail address as password", () => {
    expect(passwordProblem("Alice@Example.com", "alice@example.com")).toBe("SAME_AS_EMAIL");
  });
  it("normalizes e-mails", () => {
    expect(normalizeEmail("  Alice@Example.COM ")).toBe("alice@example.com");
  });
});

describe("staffMayAct", () => {
  it("admins act for every role; others only for their own", () => {
    expect(staffMayAct(["ADMIN"], ["BILLING"])).toBe(true);
    expect(staffMayAct(["BILLING"], ["BILLING"])).toBe(true);
    expect(staffMayAct(["SUPPORT"], ["BILLING"])).toBe(false);
    expect(staffMayAct(["SUPPORT", "BILLING"], ["BILLING"])).toBe(true);
    expect(staffMayAct([], ["SUPPORT"])).toBe(false);
  });
});
