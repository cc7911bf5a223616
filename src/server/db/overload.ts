/**
 * Errors that mean "the database is too busy right now", not "this request is wrong": no pooled
 * connection or transaction slot came free in time (Prisma P2024/P2028, pg-pool's connect timeout),
 * or the statement ran past `statement_timeout` (SQLSTATE 57014). They are answered 503 with
 * Retry-After, never 500.
 */
const OVERLOAD_CODES = new Set(["P2024", "P2028", "57014"]);
const OVERLOAD_MESSAGES = [/timeout exceeded when trying to connect/i, /unable to start a transaction in the given time/i, /canceling statement due to statement timeout/i];

export function isDatabaseOverload(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && OVERLOAD_CODES.has(code)) return true;
    if (typeof message === "string" && OVERLOAD_MESSAGES.some((re) => re.test(message))) return true;
    e = cause;
  }
  return false;
}

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 2;
