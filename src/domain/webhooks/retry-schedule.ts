/**
 * When a webhook delivery is tried again (ADR 0016): after the n-th failed attempt, wait
 * base × 2^(n-1) (30 s, 1, 2, 4, 8, 16, 32 min with the default base), so a receiver that is down
 * for about an hour still gets the event; the 8th failure is final and the delivery is FAILED
 * (an admin can still replay it). No jitter: one row per (endpoint, event), and an endpoint's
 * deliveries are spread by their events' own times.
 */
export const MAX_WEBHOOK_ATTEMPTS = 8;

export const DEFAULT_RETRY_BASE_MS = 30_000;

/** The wait after `failedAttempts` failures (≥ 1), or null when that was the last attempt. */
export function retryDelayMs(
  failedAttempts: number,
  baseMs = DEFAULT_RETRY_BASE_MS,
  maxAttempts = MAX_WEBHOOK_ATTEMPTS,
): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1)
    throw new RangeError(`failedAttempts must be a positive integer, got ${failedAttempts}`);
  if (failedAttempts >= maxAttempts) return null;
  return baseMs * 2 ** (failedAttempts - 1);
}

/** A 2xx answer is a success; anything else (3xx included: redirects are not followed) is a failure. */
export const isSuccessStatus = (status: number): boolean => status >= 200 && status <= 299;
