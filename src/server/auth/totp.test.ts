import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { totpStepAt } from "@/domain/auth/second-factor";
import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from "./totp";

describe("TOTP codes", () => {
  it("matches the RFC 6238 test vector (SHA-1, T = 59 s)", () => {
    const secret = Secret.fromUTF8("12345678901234567890").base32;
    expect(totpCodeAt(secret, 59_000)).toBe("287082");
  });

  it("accepts a code one step early or late, not two", () => {
    const secret = newTotpSecret();
    const t = 1_800_000_000_000;
    const code = totpCodeAt(secret, t);
    expect(matchTotpStep(secret, code, t, null)).toBe(totpStepAt(t));
    expect(matchTotpStep(secret, code, t + 30_000, null)).toBe(totpStepAt(t));
    expect(matchTotpStep(secret, code, t - 30_000, null)).toBe(totpStepAt(t));
    expect(matchTotpStep(secret, code, t + 60_000, null)).toBeNull();
    expect(matchTotpStep(secret, code, t - 60_000, null)).toBeNull();
  });

  it("refuses a code whose step was already used, and wrong or malformed codes", () => {
    const secret = newTotpSecret();
    const t = 1_800_000_000_000;
    const code = totpCodeAt(secret, t);
    expect(matchTotpStep(secret, code, t, totpStepAt(t))).toBeNull();
    expect(matchTotpStep(secret, code === "000000" ? "111111" : "000000", t, null)).toBeNull();
    expect(matchTotpStep(secret, "12", t, null)).toBeNull();
  });

  it("builds the URI authenticator apps read", () => {
    expect(totpUri("JBSWY3DPEHPK3PXP", "alice@example.com", "Comptoir")).toMatch(/^otpauth:\/\/totp\/Comptoir:alice%40example.com\?.*secret=JBSWY3DPEHPK3PXP/);
  });
});
