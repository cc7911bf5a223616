import { getDb } from "@/server/db/client";
import { getCompanyLogo } from "@/server/settings/get-company-logo";

/**
 * The provider's logo, or the default mark (public/icon.svg, without the wordmark: the header
 * prints the product name beside it). Deliberately public, without a guard: it is printed on every
 * document the provider sends out. Only the image leaves; its type was checked from its bytes on
 * upload (PNG or JPEG, never SVG).
 */
export async function GET(request: Request) {
  const logo = await getCompanyLogo(getDb());
  // A relative Location: behind a reverse proxy request.url may carry the internal host.
  if (!logo) return new Response(null, { status: 302, headers: { Location: "/icon.svg", "Cache-Control": "no-cache" } });
  const etag = `"${logo.version}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), { headers: { ...headers, "Content-Type": logo.mimeType } });
}
