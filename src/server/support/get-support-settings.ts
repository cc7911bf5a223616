import { chargingRulesFrom, type SupportSettingsDto } from "@/contracts/support-settings";
import type { Urgency } from "@/domain/support/charging-rules";
import { DESK_HOURS, type SlaCalendar } from "@/domain/support/sla-calendar";
import { publicHolidays } from "@/server/calendar/public-holidays";
import type { Db } from "@/server/db/types";
import { findSupportSettingsRow } from "@/server/support/support-settings-repository";

/** The desk's settings as the app reads them (the form shows the same). */
export type SupportSettingsView = SupportSettingsDto;

/** The desk's settings, charging rules parsed (the sources' defaults until someone saves their own). */
export async function getSupportSettings(db: Db): Promise<SupportSettingsView> {
  const row = await findSupportSettingsRow(db);
  return {
    regularAddress: row.regularAddress,
    urgentAddress: row.urgentAddress,
    timeZone: row.timeZone,
    holidayCountry: row.holidayCountry,
    holidayRegion: row.holidayRegion,
    chargingRules: chargingRulesFrom(row.chargingRules),
    lowBalanceThresholds: [...row.lowBalanceThresholds].sort((a, b) => a - b),
    maxSupportContacts: row.maxSupportContacts,
    regularNotifyCount: row.regularNotifyCount,
    urgentNotifyCount: row.urgentNotifyCount,
  };
}

/** The SLA calendar of an urgency: its desk hours, in the desk's time zone, without its public holidays. */
export function slaCalendarFor(settings: SupportSettingsView, urgency: Urgency): SlaCalendar {
  const isHoliday = settings.holidayCountry
    ? publicHolidays(settings.holidayCountry, settings.holidayRegion)
    : () => false;
  return { timeZone: settings.timeZone, ...DESK_HOURS[urgency], isHoliday };
}
