import { DomainError } from "./domain-error";

/** A wall-clock time of day ("06:00"), read in some time zone by whoever uses it. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: string): boolean {
  return HH_MM.test(value);
}

/** "06:00" → { hour: 6, minute: 0 }; 24-hour clock, two digits each. */
export function parseTimeOfDay(value: string): TimeOfDay {
  const m = HH_MM.exec(value);
  if (!m) throw new DomainError("VALIDATION_FAILED", { reason: "BAD_TIME_OF_DAY", value });
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The five-field cron expression that fires once a day at `t` ("0 6 * * *"). */
export function dailyCron(t: TimeOfDay): string {
  return `${t.minute} ${t.hour} * * *`;
}
