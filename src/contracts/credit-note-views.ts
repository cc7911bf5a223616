import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { BuyerDto, ServicePeriodDto, TaxLineDto } from "./billing-views";

/** A credit note in a customer's list, as `listCreditNotes` maps it. */
export interface CreditNoteListItem {
  id: string;
  number: string;
  issueDate: CalendarDate;
  currency: string;
  grossMinor: number;
  reason: string;
  invoice: { id: string; number: string | null };
  customerName: string;
}

/** A credit note with its lines and tax per rate, as `findCreditNoteDetail` maps it. */
export interface CreditNoteDetail extends CreditNoteListItem {
  netMinor: number;
  taxMinor: number;
  customerId: string;
  /** The buyer frozen on the invoice it corrects. */
  buyer: BuyerDto | null;
  lines: {
    id: string;
    description: string;
    netMinor: number;
    taxRateBp: number;
    period: ServicePeriodDto | null;
  }[];
  taxLines: TaxLineDto[];
  customerLocale: string;
}
