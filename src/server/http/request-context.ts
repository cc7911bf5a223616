import { clientAddress } from "@/domain/auth/client-address";
import type { RequestContext } from "@/server/audit/audit-repository";

/**
 * The header that tools/lib/peer-address.cjs fills with the socket address, when that hook is loaded
 * in this process (`npm start` and the e2e server load it). Without the hook a client could send the
 * header itself, so it is then ignored.
 */
function trustedPeerHeader(): string | null {
  const name = (globalThis as Record<symbol, unknown>)[Symbol.for("comptoir.peer-address-header")];
  return typeof name === "string" ? name : null;
}

/** TRUSTED_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For. */
export function trustedProxyHops(raw = process.env.TRUSTED_PROXY_HOPS): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

type HeaderGetter = (name: string) => string | null | undefined;

/** Address and user agent of a request, from its headers (see src/domain/auth/client-address.ts). */
export function requestContextFrom(
  get: HeaderGetter,
  opts: { peerHeader?: string | null; trustedHops?: number } = {},
): RequestContext {
  const peerHeader = opts.peerHeader === undefined ? trustedPeerHeader() : opts.peerHeader;
  const ip = clientAddress({
    forwardedFor: get("x-forwarded-for") ?? null,
    peer: peerHeader ? (get(peerHeader) ?? null) : null,
    trustedHops: opts.trustedHops ?? trustedProxyHops(),
  });
  return { ip, userAgent: get("user-agent") ?? null };
}

/** For the plain header objects next-auth hands to `authorize`. */
export function headerGetter(headers: Record<string, string | string[] | undefined> | undefined): HeaderGetter {
  return (name) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v[0] : v;
  };
}
