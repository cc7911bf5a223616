/**
 * Business failures with stable codes. The app layer maps each code to an HTTP status and to a
 * message in the reader's language (`errors.<CODE>` in the catalogues); the message of the Error
 * itself is for logs only and never reaches a client.
 */
export type DomainErrorCode =
  | "VALIDATION_FAILED"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CURRENCY_MISMATCH"
  | "INVALID_PERIOD"
  | "INVOICE_NOT_DRAFT"
  | "INVOICE_ALREADY_ISSUED"
  | "INVOICE_HAS_PAYMENTS"
  | "INVALID_TRANSITION"
  | "ORDER_EXPIRED"
  | "CREDIT_EXCEEDS_BALANCE"
  | "PAYMENT_EXCEEDS_BALANCE"
  | "REFUND_EXCEEDS_PAYMENT"
  | "EMPTY_INVOICE"
  | "TOKEN_INVALID"
  | "TOKEN_EXPIRED"
  | "TOKEN_USED"
  | "TOKEN_SUPERSEDED"
  | "CURRENT_PASSWORD_WRONG"
  | "BILLING_EMAIL_UNCHANGED"
  | "BILLING_EMAIL_REQUESTS_EXCEEDED"
  | "SIGN_IN_THROTTLED"
  | "IDEMPOTENCY_KEY_REUSED"
  | "EMAIL_ALREADY_REGISTERED"
  | "INVITATION_ALREADY_PENDING"
  | "INVITATION_CLOSED"
  | "PASSWORD_REJECTED"
  | "TOTP_REQUIRED"
  | "TOTP_INVALID"
  | "TOTP_NOT_STARTED"
  | "TOTP_NOT_ENABLED"
  | "TOTP_REQUIRED_FOR_ADMINS"
  | "INVALID_LOGO"
  | "BILLING_RUN_IN_PROGRESS"
  | "AS_OF_IN_FUTURE"
  | "MANUAL_STATUS_CHANGES_DISABLED"
  | "WEBHOOK_ENDPOINT_DISABLED"
  | "WEBHOOK_DELIVERY_BUSY"
  | "PORTAL_DISABLED"
  | "TERMS_OUTDATED"
  | "CONTACT_CAP_REACHED"
  | "SUPPORT_CONTACT_CAP_REACHED"
  | "CONTACT_ACTION_REFUSED"
  // Access requests (issue 17)
  | "ACCESS_REQUEST_INCOMPLETE"
  | "ACCESS_REQUEST_CLOSED"
  | "ACCESS_REQUESTS_THROTTLED"
  // Support e-mail intake (issue 18): a held message staff already released or dismissed
  | "HELD_EMAIL_DECIDED"
  // Support hour banks (issue 18)
  | "HOUR_BANK_NO_TIERS";

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    public readonly details?: Record<string, unknown>,
  ) {
    super(details ? `${code} ${JSON.stringify(details)}` : code);
    this.name = "DomainError";
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
