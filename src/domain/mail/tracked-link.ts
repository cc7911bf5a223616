/**
 * Which paths a tracked e-mail link may lead to (ADR 0017). A click redirects only to a path inside
 * the app, written into the signed token when the e-mail was rendered: never a scheme, a host, a
 * protocol-relative `//host` or a backslash that some browsers read as `/`. Checked when signing
 * and again when following, so a key leak alone cannot turn the redirect into an open one.
 */
export function isInAppPath(path: string): boolean {
  if (path.length === 0 || path.length > 500) return false;
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  // Control characters, spaces and backslashes have no business in our own paths.
  for (const ch of path) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || ch === "\\") return false;
  }
  return true;
}

/** What a tracking token carries: the e-mail, and for a click the in-app path it leads to. */
export type TrackingClaim =
  | { kind: "open"; emailId: string }
  | { kind: "click"; emailId: string; path: string };
