/** Pure rules used by the proxy, kept apart so they are unit-tested without a server. */

/** The page CSP: scripts only with this request's nonce (and what they load: 'strict-dynamic'). */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes; styles cannot run code, and a nonce cannot cover attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export type OriginVerdict = "same-origin" | "foreign" | "malformed";

/**
 * Whether a server action POST comes from our own pages. Browsers always send Origin on a POST; a
 * request without one is not a browser's cross-site request (Next lets it through too). The host it
 * must match is the forwarded host behind a proxy, else Host, or the configured public URL's.
 */
export function serverActionOriginVerdict(headers: Headers, appUrl?: string): OriginVerdict {
  const origin = headers.get("origin");
  if (origin === null) return "same-origin";
  let originHost: string;
  try {
    const u = new URL(origin);
    if (u.protocol !== "http:" && u.protocol !== "https:") return "malformed";
    originHost = u.host;
  } catch {
    return "malformed";
  }
  const hosts = [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host")];
  if (appUrl) {
    try {
      hosts.push(new URL(appUrl).host);
    } catch {
      // an unparsable APP_URL adds nothing
    }
  }
  return hosts.some((h) => h && h.toLowerCase() === originHost.toLowerCase()) ? "same-origin" : "foreign";
}
