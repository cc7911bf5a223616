import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { InvoiceStatusName } from "@/domain/billing/invoice-state";
import type { BuyerDto, ServicePeriodDto, TaxLineDto } from "./billing-views";
import type { PAYMENT_METHODS } from "./staff-lists";

/** An invoice in a list (portal and back-office), as `listInvoices` maps it. */
export interface InvoiceListItem {
  id: string;
  number: string | null;
  status: InvoiceStatusName;
  customerId: string;
  customerName: string;
  currency: string;
  issueDate: CalendarDate | null;
  dueDate: CalendarDate | null;
  grossMinor: number;
  balanceMinor: number;
}

export interface InvoiceLineDto {
  id: string;
  position: number;
  description: string;
  quantity: string;
  unitAmountMinor: number;
  netMinor: number;
  taxRateBp: number;
  period: ServicePeriodDto | null;
}

/** An invoice with everything its page and its PDF show, as `findInvoiceDetail` maps it. */
export interface InvoiceDetail {
  id: string;
  number: string | null;
  status: InvoiceStatusName;
  currency: string;
  customer: { id: string; legalName: string; locale: string };
  /** Null on a draft: the buyer is frozen when the invoice is issued. */
  buyer: BuyerDto | null;
  issueDate: CalendarDate | null;
  dueDate: CalendarDate | null;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
  paidMinor: number;
  creditedMinor: number;
  balanceMinor: number;
  notes: string;
  lines: InvoiceLineDto[];
  taxLines: TaxLineDto[];
  payments: {
    id: string;
    amountMinor: number;
    method: (typeof PAYMENT_METHODS)[number];
    reference: string;
    receivedOn: CalendarDate;
  }[];
  creditNotes: { id: string; number: string; issueDate: CalendarDate; grossMinor: number; reason: string }[];
  /** The accepted purchase order this invoice bills, if any. */
  purchaseOrderNumber: string | null;
}
