import type { CalendarDate } from "@/domain/billing/calendar-date";

/**
 * Parts shared by the documents pages and PDFs show (invoices, credit notes, orders). These are
 * DTOs: the server maps its rows to them, components receive nothing else (never Prisma rows).
 */

/** The tax of one rate on a document: the rate's summed net and its tax (EN 16931 BR-CO-17). */
export interface TaxLineDto {
  taxRateBp: number;
  netMinor: number;
  taxMinor: number;
}

/** A half-open service period [start, end) in the customer's calendar. */
export interface ServicePeriodDto {
  start: CalendarDate;
  end: CalendarDate;
}

/** The buyer as frozen on an invoice when it was issued. */
export interface BuyerDto {
  name: string;
  addressLines: string[];
  taxId: string | null;
  email: string | null;
}
