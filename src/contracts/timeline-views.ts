import type { BillingCycleName } from "@/domain/billing/billing-cycle";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { SubscriptionStatusName } from "@/domain/billing/subscription-state";
import type { TimelineKind } from "@/domain/timeline/timeline";
import type { ServicePeriodDto } from "./billing-views";

/**
 * One line of a timeline as a page shows it. Staff pages pass the `cause` (and the e-mail an event
 * is about); the portal passes neither, only an amount the customer already knows.
 */
export interface TimelineItemDto {
  at: Date;
  kind: TimelineKind;
  cause?: string;
  emailId?: string;
  amount?: { minor: number; currency: string };
}

/** The staff subscription page's summary. */
export interface SubscriptionSummaryDto {
  id: string;
  description: string;
  customer: { id: string; legalName: string };
  productName: string;
  status: SubscriptionStatusName;
  cycle: BillingCycleName;
  quantity: string;
  unitAmountMinor: number;
  currency: string;
  currentPeriod: ServicePeriodDto;
  /** When the current period ends, for a subscription that still renews. */
  nextRenewal: CalendarDate | null;
}
