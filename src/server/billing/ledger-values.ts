import { assertMinorUnits } from "@/domain/billing/money";
import { calendarDate, type CalendarDate, fromUtcMidnight, toUtcMidnight } from "@/domain/billing/calendar-date";
import { parseQuantity, type QuantityMilli, quantityToDecimalString } from "@/domain/billing/quantity";

/** Conversions between database values (BIGINT, DATE, NUMERIC) and domain values, in one place. */
export const minorFromDb = (v: bigint): number => assertMinorUnits(Number(v));
export const minorToDb = (v: number): bigint => BigInt(assertMinorUnits(v));
export const dateFromDb = (d: Date): CalendarDate => fromUtcMidnight(d);
export const dateToDb = (d: CalendarDate): Date => toUtcMidnight(d);
export const optionalDateFromDb = (d: Date | null): CalendarDate | null => (d ? fromUtcMidnight(d) : null);
export const quantityFromDb = (q: { toString(): string }): QuantityMilli => parseQuantity(q.toString());
export const quantityToDb = (q: QuantityMilli): string => quantityToDecimalString(q);
export { calendarDate };
