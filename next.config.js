// ES module ("type": "module" in package.json), as the design card names it.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/**
 * Security headers for every response (OWASP ASVS L2). Pages get their Content-Security-Policy from
 * the proxy (src/proxy.ts), with a fresh nonce per request; API and static responses get a strict one.
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
const apiPolicy = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Secure messages carry up to 3 attachments of 5 MB (ADR 0020): the action body and the proxy's
  // buffered copy of it (10 MB by default, silently cut beyond) must both hold them with the form.
  experimental: {
    serverActions: { bodySizeLimit: "16mb" },
    proxyClientMaxBodySize: "16mb",
  },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "nodemailer", "pdfkit", "@node-rs/argon2"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [apiPolicy] },
    ];
  },
};

export default withNextIntl(nextConfig);
