import type { BillingCycleName } from "@/domain/billing/billing-cycle";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { SubscriptionStatusName } from "@/domain/billing/subscription-state";
import type { ServicePeriodDto } from "./billing-views";

/** A subscription in a company's list, as `listCustomerSubscriptions` maps it. */
export interface SubscriptionDto {
  id: string;
  description: string;
  productName: string;
  productKind: string;
  siteName: string | null;
  status: SubscriptionStatusName;
  cycle: BillingCycleName;
  quantity: string;
  unitAmountMinor: number;
  currency: string;
  taxRateBp: number;
  currentPeriod: ServicePeriodDto;
  /** The next renewal is due when the current period ends. */
  nextRenewal: CalendarDate | null;
}

/** What a customer must pay to get suspended services back: each unpaid invoice holding one, and its services. */
export interface SuspensionNoticeDto {
  invoices: { invoiceId: string; number: string; amountDueMinor: number; currency: string; services: string[] }[];
}
