import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions } from "@/server/auth/auth-options";
import { sessionCookie } from "@/server/auth/session-cookie";

/**
 * After a password change bumped the account's session version (which ends every session), puts the
 * new version into this browser's own session cookie, so the person who changed it stays signed in
 * while every other device is signed out. Only the cookie that came with this request is rewritten,
 * and only for the same user: no other session can claim the new version.
 */
export async function reissueOwnSession(userId: string, sessionVersion: number): Promise<boolean> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return false;
  const jar = await cookies();
  const { name, options } = sessionCookie();
  const current = jar.get(name)?.value;
  if (!current) return false;
  const token = await decode({ token: current, secret });
  if (!token || token.uid !== userId) return false;
  const maxAge = authOptions.session?.maxAge ?? 60 * 60 * 12;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge });
  jar.set(name, value, { ...options, expires: new Date(Date.now() + maxAge * 1000) });
  return true;
}
