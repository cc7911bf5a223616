/**
 * The session cookie. Over HTTPS it carries the `__Host-` prefix (browsers then insist on Secure,
 * Path=/ and no Domain, so no subdomain can set or read it); plain-HTTP development cannot use the
 * prefix, so it gets the bare name.
 */
export function sessionCookie() {
  const secure = (process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? "").startsWith("https://");
  return {
    name: secure ? "__Host-comptoir.session" : "comptoir.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
