import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  signWebhookBody,
  verifyWebhookSignature,
} from "@/server/webhooks/webhook-signature";

const at = new Date("2026-12-02T10:00:00Z");

describe("webhook signatures", () => {
  it("verify(sign(body)) holds for any secret and body, and any change to the body breaks it", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.string({ minLength: 1 }),
        (secret, body, extra) => {
          const header = signWebhookBody(secret, body, at);
          expect(verifyWebhookSignature(secret, body, header, at)).toBe(true);
          expect(verifyWebhookSignature(secret, body + extra, header, at)).toBe(false);
          expect(verifyWebhookSignature(`${secret}x`, body, header, at)).toBe(false);
        },
      ),
    );
  });

  it("is Stripe's t=…,v1=… over the timestamp, a dot and the body, with a known value", () => {
    const header = signWebhookBody("whsec_test", '{"id":"evt_1"}', at);
    // printf '%s' '1796205600.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
    expect(header).toBe("t=1796205600,v1=2994d5e1ab6293100a5e984147ec14c3c900b9f77af0d95f1022b75b13434ae9");
  });

  it("refuses a stale timestamp, a tampered timestamp and a malformed header", () => {
    const header = signWebhookBody("s", "{}", at);
    expect(verifyWebhookSignature("s", "{}", header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature("s", "{}", header.replace("t=1796205600", "t=1796205601"), at)).toBe(false);
    expect(verifyWebhookSignature("s", "{}", "v1=zz", at)).toBe(false);
    expect(verifyWebhookSignature("s", "{}", "", at)).toBe(false);
  });

  it("makes distinct 256-bit secrets", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
