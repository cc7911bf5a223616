import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

describe("client address", () => {
  it("ignores X-Forwarded-For without trusted proxies and uses the socket peer", () => {
    expect(clientAddress({ forwardedFor: "1.2.3.4", peer: "::ffff:203.0.113.9", trustedHops: 0 })).toBe("203.0.113.9");
    expect(clientAddress({ forwardedFor: "1.2.3.4", peer: null, trustedHops: 0 })).toBeNull();
  });

  it("takes the entry appended by the last trusted proxy, whatever the client prepended", () => {
    // nginx appends the client's address; the app sees nginx as the peer.
    expect(clientAddress({ forwardedFor: "6.6.6.6, 198.51.100.4", peer: "10.0.0.2", trustedHops: 1 })).toBe("198.51.100.4");
    expect(clientAddress({ forwardedFor: "6.6.6.6, 198.51.100.4", peer: null, trustedHops: 1 })).toBe("198.51.100.4");
    expect(clientAddress({ forwardedFor: "6.6.6.6, 198.51.100.4, 10.0.0.1", peer: "10.0.0.2", trustedHops: 2 })).toBe("198.51.100.4");
    expect(clientAddress({ forwardedFor: null, peer: "10.0.0.2", trustedHops: 1 })).toBe("10.0.0.2");
  });

  it("never lets entries the client wrote choose the address", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 2 }), (forged, client, proxy, hops) => {
        // `hops` proxies each append what they saw: the client first, then the proxies in between.
        const appended = hops === 0 ? [] : [client, ...Array.from({ length: hops - 1 }, () => proxy)];
        const header = [...forged, ...appended].join(", ") || null;
        const peer = hops === 0 ? client : proxy;
        expect(clientAddress({ forwardedFor: header, peer, trustedHops: hops })).toBe(client);
      }),
    );
  });

  it("accepts only address-shaped values", () => {
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("evil; drop table")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});
