import type { BillingCycleName } from "@/domain/billing/billing-cycle";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { TaxLineDto } from "./billing-views";
import type { PURCHASE_ORDER_STATUSES } from "./staff-lists";

/** A purchase order with its lines and totals, as the order repository maps it. */
export interface PurchaseOrderDto {
  id: string;
  number: string;
  status: (typeof PURCHASE_ORDER_STATUSES)[number];
  currency: string;
  notes: string;
  customerId: string;
  customerName: string;
  createdAt: Date;
  sentAt: Date | null;
  /** The last day the customer may accept (the sent day in their time zone + the validity days). */
  validUntil: CalendarDate | null;
  validityDays: number;
  decidedAt: Date | null;
  declineReason: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  totalNetMinor: number;
  /** Tax per rate, on each rate's summed net (the invoice rule), then the totals. */
  taxLines: TaxLineDto[];
  totalTaxMinor: number;
  totalGrossMinor: number;
  lines: {
    id: string;
    description: string;
    quantity: string;
    unitAmountMinor: number;
    taxRateBp: number;
    cycle: BillingCycleName | null;
    netMinor: number;
  }[];
}
