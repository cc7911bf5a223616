/**
 * The ids a URL may carry to name a row (list cursors, filters): uuid primary keys, and the bigint
 * ones of append-only tables (the audit log). Checked before any query, so a malformed id never
 * reaches a SQL cast.
 */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const BIGINT_ID_RE = /^[1-9][0-9]{0,18}$/;
const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** A positive PostgreSQL bigint in its canonical decimal form (no sign, no leading zero, at most 2^63 - 1). */
export const isBigintId = (text: string): boolean => BIGINT_ID_RE.test(text) && BigInt(text) <= BIGINT_MAX;
