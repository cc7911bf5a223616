import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { RootDb } from "@/server/db/types";

export interface ApiResult {
  status: number;
  body: unknown;
}

/** Canonical hash of a request body: the same JSON with keys in another order is the same request. */
export function requestHash(method: string, path: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;
  return createHash("sha256").update(`${method} ${path}\n${JSON.stringify(canonical(body))}`).digest("hex");
}

/**
 * Exactly-once POSTs (Stripe's model). The key is claimed with an INSERT ... ON CONFLICT DO NOTHING
 * before any work, so of two simultaneous requests only one runs; the answer (success or a 4xx) is
 * stored and replayed for every retry with the same key and body. Another body under the same key
 * is refused; a request still running answers 409. A crash or 5xx releases the claim for a retry.
 */
export async function withIdempotency(
  db: RootDb,
  claim: { tokenId: string; key: string; method: string; path: string; hash: string },
  now: Date,
  run: () => Promise<ApiResult>,
): Promise<ApiResult> {
  const inserted = await db.$executeRaw`
    INSERT INTO idempotency_keys (token_id, key, method, path, request_hash, created_at)
    VALUES (${claim.tokenId}::uuid, ${claim.key}, ${claim.method}, ${claim.path}, ${claim.hash}, ${now})
    ON CONFLICT (token_id, key) DO NOTHING`;
  if (inserted === 0) {
    const existing = await db.idempotencyKey.findUniqueOrThrow({ where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } } });
    if (existing.requestHash !== claim.hash) {
      return { status: 422, body: { error: { code: "IDEMPOTENCY_KEY_REUSED", message: "This Idempotency-Key was used with a different request." } } };
    }
    if (existing.responseStatus === null) {
      return { status: 409, body: { error: { code: "REQUEST_IN_PROGRESS", message: "A request with this Idempotency-Key is still being processed." } } };
    }
    return { status: existing.responseStatus, body: existing.responseBody };
  }
  let result: ApiResult;
  try {
    result = await run();
  } catch (e) {
    await db.idempotencyKey.delete({ where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } } });
    throw e;
  }
  if (result.status >= 500) {
    await db.idempotencyKey.delete({ where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } } });
  } else {
    await db.idempotencyKey.update({
      where: { tokenId_key: { tokenId: claim.tokenId, key: claim.key } },
      data: { responseStatus: result.status, responseBody: (result.body ?? Prisma.JsonNull) as Prisma.InputJsonValue, completedAt: new Date() },
    });
  }
  return result;
}
