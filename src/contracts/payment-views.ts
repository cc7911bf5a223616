import type { CheckoutStartView } from "@/contracts/payments";

/** What the checkout page shows: what is paid, and where the payment stands. */
export interface CheckoutPageView {
  checkout: CheckoutStartView;
  invoices: { invoiceId: string; number: string; amountMinor: number; status: string }[];
  /** The provider's reason for the last failure ("card_declined"...), worded by the page. */
  failureCode: string | null;
  /** Where the receipt goes. */
  receiptEmail: string;
  /** The methods the demo form accepts for this currency (cards, and the bank debit of EUR). */
  methodKinds: string[];
  /** The provider has moved on but its event is not applied yet: the page keeps refreshing. */
  awaitingEvent: boolean;
  /** The method saved with this payment, when the customer asked for it. */
  savedMethod: boolean;
}

/** A saved method as the customer recognises it; never a full number. */
export interface SavedMethodView {
  id: string;
  kind: "CARD" | "SEPA_DEBIT" | "ACH_DEBIT" | "ACSS_DEBIT";
  brand: string | null;
  bankName: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
}

/** "Pay all due": the open invoices of one currency and what they add up to. */
export interface PayableGroupView {
  currency: string;
  invoiceIds: string[];
  totalMinor: number;
}

/** The provider's bank details for a transfer (from Settings → Company). */
export interface TransferDetailsView {
  beneficiary: string;
  iban: string;
  bic: string;
  accountNumber: string;
  routingNumber: string;
  instructions: string;
}

/** One autopay attempt on the back-office's autopay page. */
export interface AutopayAttemptView {
  invoiceId: string;
  invoiceNumber: string | null;
  customerId: string;
  customerName: string;
  attempt: number;
  createdAt: string;
  status: string;
  failureCode: string | null;
  amountMinor: number;
  currency: string;
}
