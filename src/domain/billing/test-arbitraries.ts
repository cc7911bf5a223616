import fc from "fast-check";
import { type CalendarDate, daysInMonth, fromParts } from "./calendar-date";

/** For property tests only (fast-check is a dev dependency): never import this from app code. */

/** Any real day between 1900 and 2199, month ends and February 29 included. */
export const anyDate: fc.Arbitrary<CalendarDate> = fc
  .record({
    y: fc.integer({ min: 1900, max: 2199 }),
    m: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, day }) => fromParts(y, m, Math.min(day, daysInMonth(y, m))));
