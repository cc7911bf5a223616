import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, serverActionOriginVerdict } from "./proxy-rules";

const h = (o: Record<string, string>) => new Headers(o);

describe("server action origin check", () => {
  it("accepts our own origin, behind a proxy too", () => {
    expect(serverActionOriginVerdict(h({ origin: "https://billing.example.com", host: "billing.example.com" }))).toBe("same-origin");
    expect(serverActionOriginVerdict(h({ origin: "https://billing.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "billing.example.com" }))).toBe("same-origin");
    expect(serverActionOriginVerdict(h({ origin: "https://billing.example.com", host: "127.0.0.1:3000" }), "https://billing.example.com")).toBe("same-origin");
  });

  it("refuses another site's origin and a malformed one", () => {
    expect(serverActionOriginVerdict(h({ origin: "https://evil.example", host: "billing.example.com" }))).toBe("foreign");
    expect(serverActionOriginVerdict(h({ origin: "not a url", host: "billing.example.com" }))).toBe("malformed");
    expect(serverActionOriginVerdict(h({ origin: "null", host: "billing.example.com" }))).toBe("malformed");
    expect(serverActionOriginVerdict(h({ origin: "javascript://billing.example.com", host: "billing.example.com" }))).toBe("malformed");
  });
});

describe("content security policy", () => {
  it("allows scripts by nonce only, never inline, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toMatch(/script-src 'self' 'nonce-abc123' 'strict-dynamic';/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  it("opens Stripe's documented origins only when Stripe is configured", () => {
    const plain = contentSecurityPolicy("n", false);
    expect(plain).not.toMatch(/stripe/);
    expect(plain).toMatch(/connect-src 'self';/);
    const stripe = contentSecurityPolicy("n", false, { stripe: true });
    expect(stripe).toMatch(/script-src 'self' 'nonce-n' 'strict-dynamic' https:\/\/js\.stripe\.com/);
    expect(stripe).toMatch(/frame-src https:\/\/js\.stripe\.com https:\/\/\*\.js\.stripe\.com https:\/\/hooks\.stripe\.com;/);
    expect(stripe).toMatch(/connect-src 'self' https:\/\/api\.stripe\.com;/);
    expect(stripe).toMatch(/frame-ancestors 'none'/);
  });
});
