import { isDomainError } from "@/domain/shared/domain-error";
import { getDb } from "@/server/db/client";

/** The DomainError code a promise rejects with ("OK" when it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

export async function latestEmailTo(to: string) {
  return getDb().outboundEmail.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
}

/** The token of the first `/<path>?token=...` link in an e-mail body. */
export function tokenFrom(text: string, linkPath: "invitation" | "reset-password"): string {
  const m = text.match(new RegExp(`/${linkPath}\\?token=([A-Za-z0-9_-]+)`));
  if (!m?.[1]) throw new Error(`no ${linkPath} link in: ${text}`);
  return m[1];
}
