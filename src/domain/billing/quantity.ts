import { DomainError } from "@/domain/shared/domain-error";
import { assertMinorUnits, divideRounded } from "./money";

/**
 * Quantities have up to three decimals (1.25 hours, 0.5 month) and are kept as integer thousandths
 * so that line amounts are exact: 1.250 -> 1250.
 */
export type QuantityMilli = number;

export function parseQuantity(text: string | number): QuantityMilli {
  const s = typeof text === "number" ? String(text) : text.trim().replace(",", ".");
  const m = s.match(/^(\d+)(?:\.(\d{1,3}))?$/);
  if (!m) throw new DomainError("VALIDATION_FAILED", { field: "quantity", reason: "NOT_A_QUANTITY", text });
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"));
  if (milli <= 0) throw new DomainError("VALIDATION_FAILED", { field: "quantity", reason: "NOT_POSITIVE" });
  return milli;
}

/** "1.250" for storage in NUMERIC(12,3); the display form drops trailing zeros ("1.25"). */
export function quantityToDecimalString(q: QuantityMilli): string {
  return `${Math.floor(q / 1000)}.${String(q % 1000).padStart(3, "0")}`;
}

/** Line net amount = quantity x unit price, rounded half away from zero to the minor unit, per line. */
export function lineNetMinor(unitAmountMinor: number, quantity: QuantityMilli): number {
  assertMinorUnits(unitAmountMinor);
  return divideRounded(unitAmountMinor * quantity, 1000);
}
