import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, serverActionOriginVerdict } from "@/proxy-rules";
import { sessionCookie } from "@/server/auth/session-cookie";

const SIGNED_IN_AREAS = ["/portal", "/staff"];

/**
 * Runs before every page. It never decides access (every page, action and route handler checks that
 * itself); it only:
 *   - refuses a server action posted from another site or with a malformed Origin (Next itself would
 *     answer such a CSRF attempt with a 500): 403;
 *   - gives the page a fresh CSP nonce, which Next puts on its own scripts (no 'unsafe-inline');
 *   - redirects signed-out visitors of the portal or back-office to sign-in, keeping where they went.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const verdict = serverActionOriginVerdict(request.headers, process.env.APP_URL);
    if (verdict !== "same-origin") return new NextResponse(`Forbidden: ${verdict} origin`, { status: 403, headers: { "Content-Type": "text/plain" } });
  }

  const path = request.nextUrl.pathname;
  if (SIGNED_IN_AREAS.some((area) => path === area || path.startsWith(`${area}/`))) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, cookieName: sessionCookie().name });
    if (!token) {
      const url = new URL("/signin", request.url);
      url.searchParams.set("callbackUrl", path + request.nextUrl.search);
      return NextResponse.redirect(url);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production", {
    stripe: Boolean(process.env.STRIPE_SECRET_KEY),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp); // Next reads the nonce for its scripts from here
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Pages only: API routes answer JSON (their headers come from next.config.js), static files need no nonce.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon|apple-icon|robots.txt).*)" }],
};
