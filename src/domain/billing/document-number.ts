import { DomainError } from "@/domain/shared/domain-error";

/**
 * How document numbers look. The sequence itself is a locked counter row in the database (gapless,
 * per kind and year); here is only the format: `F{YYYY}-{SEQ:6}` -> "F2026-000123".
 * Tokens: {YYYY} year, {YY} two-digit year, {SEQ} the sequence, {SEQ:n} zero-padded to n digits.
 */
const TOKEN = /\{(YYYY|YY|SEQ(?::(\d{1,2}))?)\}/g;

export function validateNumberPattern(pattern: string): void {
  const fail = (reason: string) => {
    throw new DomainError("VALIDATION_FAILED", { field: "pattern", reason, pattern });
  };
  if (pattern.length === 0 || pattern.length > 40) fail("LENGTH");
  const leftover = pattern.replace(TOKEN, "");
  if (/[{}]/.test(leftover)) fail("UNKNOWN_TOKEN");
  if (!/^[A-Za-z0-9\-_/.]*$/.test(leftover)) fail("FORBIDDEN_CHARACTER");
  const seqs = [...pattern.matchAll(TOKEN)].filter((m) => m[1]?.startsWith("SEQ"));
  if (seqs.length !== 1) fail("NEEDS_ONE_SEQ");
  const width = seqs[0]?.[2] ? Number(seqs[0][2]) : 1;
  if (width < 1 || width > 12) fail("SEQ_WIDTH");
}

export function formatDocumentNumber(pattern: string, { year, sequence }: { year: number; sequence: number }): string {
  validateNumberPattern(pattern);
  // Counters start at 1; a zero or negative value would print as "000000" or "0000-5" and could
  // collide with a real number, so it is a bug upstream, not something to format.
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new DomainError("VALIDATION_FAILED", { field: "sequence", reason: "NOT_POSITIVE_INTEGER", sequence });
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new DomainError("VALIDATION_FAILED", { field: "year", reason: "OUT_OF_RANGE", year });
  return pattern.replace(TOKEN, (_all, token: string, width?: string) => {
    if (token === "YYYY") return String(year).padStart(4, "0");
    if (token === "YY") return String(year % 100).padStart(2, "0");
    return String(sequence).padStart(width ? Number(width) : 1, "0");
  });
}
