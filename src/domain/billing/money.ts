import { DomainError } from "@/domain/shared/domain-error";
import { numberFormat } from "@/domain/shared/intl-formats";

/**
 * Money is an integer number of minor units (cents, or yen for zero-decimal currencies) plus an ISO
 * 4217 code. JavaScript numbers hold integers exactly up to 2^53 (90 trillion euros in cents), which
 * is far beyond any invoice; every constructor checks `Number.isSafeInteger`, so a float never sneaks
 * into the ledger. The database stores them as BIGINT.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** Digits after the decimal point, per ISO 4217. */
const EXPONENTS: Record<string, number> = {
  EUR: 2, USD: 2, CAD: 2, GBP: 2, CHF: 2, AUD: 2, MXN: 2, ARS: 2, BRL: 2, CLP: 0, COP: 2, MAD: 2, XOF: 0, XAF: 0, JPY: 0, KWD: 3,
};

export const SUPPORTED_CURRENCIES = Object.keys(EXPONENTS);

export function currencyExponent(currency: string): number {
  // Own keys only: "constructor" or "toString" must not pass for a currency through the prototype.
  const e = Object.hasOwn(EXPONENTS, currency) ? EXPONENTS[currency] : undefined;
  if (e === undefined) throw new DomainError("VALIDATION_FAILED", { field: "currency", reason: "UNSUPPORTED_CURRENCY", currency });
  return e;
}

/** -0 is a valid integer, but Intl prints it as "-€0.00": every rounding and constructor turns it into 0. */
const withoutNegativeZero = (n: number): number => (n === 0 ? 0 : n);

export function assertMinorUnits(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor)) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_INTEGER_MINOR_UNITS", amountMinor });
  return withoutNegativeZero(amountMinor);
}

export function money(amountMinor: number, currency: string): Money {
  currencyExponent(currency);
  return { amountMinor: assertMinorUnits(amountMinor), currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new DomainError("CURRENCY_MISMATCH", { left: a.currency, right: b.currency });
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => addMoney(acc, m), money(0, currency));
}

/**
 * Integer division rounded half away from zero: 2.5 -> 3, -2.5 -> -3. This is the single rounding rule
 * of the ledger (line amounts, tax per rate, proration), symmetric for credits and discounts.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new DomainError("VALIDATION_FAILED", { reason: "BAD_DIVISION", numerator, denominator });
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = Math.floor(abs / denominator);
  const r = abs - q * denominator;
  return withoutNegativeZero(sign * (2 * r >= denominator ? q + 1 : q));
}

/**
 * Splits `totalMinor` in proportion to non-negative integer `weights` so the parts add up exactly
 * (largest remainder method); leftover units go to the largest remainders, ties to the earliest index.
 */
export function splitByLargestRemainder(totalMinor: number, weights: readonly number[]): number[] {
  assertMinorUnits(totalMinor);
  const weightSum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0 || weights.some((w) => w < 0 || !Number.isSafeInteger(w)) || weightSum === 0) {
    throw new DomainError("VALIDATION_FAILED", { reason: "BAD_WEIGHTS" });
  }
  const sign = totalMinor < 0 ? -1 : 1;
  const total = Math.abs(totalMinor);
  // BigInt keeps total * weight exact even for large amounts.
  const shares = weights.map((w, index) => {
    const exact = BigInt(total) * BigInt(w);
    return { index, base: Number(exact / BigInt(weightSum)), remainder: Number(exact % BigInt(weightSum)) };
  });
  let left = total - shares.reduce((a, s) => a + s.base, 0);
  const parts = shares.map((s) => s.base);
  for (const s of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    parts[s.index] = (parts[s.index] ?? 0) + 1;
    left--;
  }
  return parts.map((p) => withoutNegativeZero(sign * p));
}

/** `splitByLargestRemainder` for a Money: the parts are in the same currency and add up to `total`. */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  return splitByLargestRemainder(total.amountMinor, weights).map((part) => money(part, total.currency));
}

/** "1 234,50 €" / "€1,234.50" / "1234,50 €" according to the locale, with the currency's decimals. */
export function formatMoney(m: Money, locale: string): string {
  const digits = currencyExponent(m.currency);
  return numberFormat(locale, { style: "currency", currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    m.amountMinor / 10 ** digits,
  );
}

/** Parses staff input such as "12.50", "12,5", "-3" or "1 234,56" into minor units, refusing excess decimals. */
export function parseMoney(text: string, currency: string): Money {
  const digits = currencyExponent(currency);
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  const m = cleaned.match(/^(-)?(\d+)(?:[.,](\d+))?$/);
  if (!m) throw new DomainError("VALIDATION_FAILED", { reason: "NOT_AN_AMOUNT", text });
  const [, minus, whole = "0", fraction = ""] = m;
  if (fraction.length > digits) throw new DomainError("VALIDATION_FAILED", { reason: "TOO_MANY_DECIMALS", text, digits });
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return money(minus ? -minor : minor, currency);
}
