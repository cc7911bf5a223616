/** Pure rules used by the proxy, kept apart so they are unit-tested without a server. */

/**
 * The page CSP: scripts only with this request's nonce (and what they load: 'strict-dynamic').
 * With Stripe configured, the Payment Element's origins are allowed too (Stripe.js must be loaded
 * from js.stripe.com, its fields live in Stripe's frames, 3-D Secure in hooks.stripe.com): the
 * hosts Stripe documents for CSP. Without Stripe, nothing outside our origin.
 */
export function contentSecurityPolicy(nonce: string, development: boolean, options: { stripe?: boolean } = {}): string {
  const stripe = options.stripe === true;
  const scriptHosts = stripe ? " https://js.stripe.com https://*.js.stripe.com" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${scriptHosts}${development ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes; styles cannot run code, and a nonce cannot cover attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${stripe ? " https://*.stripe.com" : ""}`,
    "font-src 'self'",
    `connect-src 'self'${stripe ? " https://api.stripe.com" : ""}`,
    ...(stripe ? ["frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com"] : []),
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
