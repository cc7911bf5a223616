import { describe, expect, it } from "vitest";
import { errorCodeOf as codeOf } from "@/domain/shared/testing";
import { assertTokenUsable, tokenExpiry } from "./single-use-token";

const now = new Date("2026-11-23T10:00:00Z");
const fresh = { purpose: "INVITATION" as const, expiresAt: tokenExpiry("INVITATION", now), usedAt: null, revokedAt: null };

describe("assertTokenUsable", () => {
  it("invitations last seven days, resets one hour", () => {
    expect(tokenExpiry("INVITATION", now).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(tokenExpiry("PASSWORD_RESET", now).toISOString()).toBe("2026-11-23T11:00:00.000Z");
  });
  it("accepts a fresh token of the right purpose", () => {
    expect(codeOf(() => assertTokenUsable(fresh, "INVITATION", now))).toBe("OK");
  });
  it("rejects unknown, revoked or wrong-purpose tokens as invalid", () => {
    expect(codeOf(() => assertTokenUsable(null, "INVITATION", now))).toBe("TOKEN_INVALID");
    expect(codeOf(() => assertTokenUsable({ ...fresh, revokedAt: now }, "INVITATION", now))).toBe("TOKEN_INVALID");
    expect(codeOf(() => assertTokenUsable(fresh, "PASSWORD_RESET", now))).toBe("TOKEN_INVALID");
  });
  it("says used before expired, and expired at the exact expiry instant", () => {
    const late = new Date(fresh.expiresAt.getTime());
    expect(codeOf(() => assertTokenUsable({ ...fresh, usedAt: now }, "INVITATION", late))).toBe("TOKEN_USED");
    expect(codeOf(() => assertTokenUsable(fresh, "INVITATION", late))).toBe("TOKEN_EXPIRED");
  });
  it("billing e-mail links last a day and say when a newer request replaced them", () => {
    const link = { purpose: "BILLING_EMAIL_CHANGE" as const, expiresAt: tokenExpiry("BILLING_EMAIL_CHANGE", now), usedAt: null, revokedAt: null };
    expect(link.expiresAt.toISOString()).toBe("2026-11-24T10:00:00.000Z");
    expect(codeOf(() => assertTokenUsable({ ...link, revokedAt: now }, "BILLING_EMAIL_CHANGE", now, { sayRevoked: true }))).toBe("TOKEN_SUPERSEDED");
    expect(codeOf(() => assertTokenUsable({ ...link, revokedAt: now }, "BILLING_EMAIL_CHANGE", now))).toBe("TOKEN_INVALID");
    expect(codeOf(() => assertTokenUsable(link, "PASSWORD_RESET", now, { sayRevoked: true }))).toBe("TOKEN_INVALID");
  });
});
