import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { sessionCookie } from "@/server/auth/session-cookie";

/**
 * Redirects only: signed-out visitors of the portal or back-office go to sign-in, keeping where they
 * were going. It never decides access; every page, action and route handler checks that itself.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, cookieName: sessionCookie().name });
  if (!token) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/portal/:path*", "/staff/:path*"] };
