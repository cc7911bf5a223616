/**
 * Which address a request comes from, for throttling and the audit log.
 *
 * `X-Forwarded-For` is whatever the client wrote, except for the entries appended by proxies we run.
 * So it is only read when the operator says how many proxies stand in front of the app
 * (`trustedHops`): each appends the address it saw, so the client is the entry `trustedHops` places
 * from the right of the chain "forwarded-for entries, then the socket peer". Without trusted proxies
 * the answer is the socket peer alone, or null when it is not known (then only per-account limits
 * apply, rather than one shared bucket every visitor could lock for everyone).
 */
export interface AddressSources {
  /** The raw X-Forwarded-For header, if any. */
  forwardedFor: string | null;
  /** The TCP peer of the connection, when the server exposes it. */
  peer: string | null;
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none). */
  trustedHops: number;
}

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/** A plain IPv4 or IPv6 address (IPv4-mapped IPv6 shown as IPv4), else null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let a = raw?.trim() ?? "";
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  if (a.toLowerCase().startsWith("::ffff:") && a.includes(".")) a = a.slice(7);
  return ADDRESS.test(a) ? a.toLowerCase() : null;
}

export function clientAddress({ forwardedFor, peer, trustedHops }: AddressSources): string | null {
  const socket = normalizeAddress(peer);
  if (trustedHops <= 0) return socket;
  const forwarded = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  // With the peer known it is the last hop; without it the last trusted proxy's entry is the last one.
  const chain = socket ? [...forwarded, socket] : forwarded;
  if (chain.length === 0) return null;
  const index = chain.length - 1 - (socket ? trustedHops : trustedHops - 1);
  return normalizeAddress(chain[Math.max(0, index)]);
}
