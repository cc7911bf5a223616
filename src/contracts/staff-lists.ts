import { z } from "zod";
import { isCalendarDate } from "@/domain/billing/calendar-date";
import { BIGINT_ID_RE, DATE_KEY_RE, decodeCursor, INSTANT_KEY_RE, type KeysetCursor, UUID_RE } from "@/domain/shared/keyset-cursor";
import { ZSearchText } from "./text";

/**
 * Query strings of the back-office lists (orders, credit notes, payments, audit log). Filters live in
 * the URL; a bad value falls back to "no filter", a bad cursor to the first page.
 */
const optionalDate = z
  .string()
  .refine((v): boolean => isCalendarDate(v))
  .optional()
  .catch(undefined);
const optionalUuid = z.string().regex(UUID_RE).optional().catch(undefined);
const cursor = (key: RegExp, id: RegExp) =>
  z
    .string()
    .max(80)
    .transform((v, ctx): KeysetCursor => {
      const c = decodeCursor(v, key, id);
      if (!c) {
        ctx.addIssue({ code: "custom", message: "BAD_CURSOR" });
        return z.NEVER;
      }
      return c;
    })
    .optional()
    .catch(undefined);

const common = {
  q: ZSearchText(60).optional().catch(undefined),
  customerId: optionalUuid,
  from: optionalDate,
  to: optionalDate,
};

export const PURCHASE_ORDER_STATUSES = ["DRAFT", "SENT", "ACCEPTED", "DECLINED", "CANCELLED"] as const;
export const PAYMENT_METHODS = ["CARD", "BANK_DEBIT", "TRANSFER", "CHEQUE", "CASH"] as const;

export const ZOrderListQuery = z.object({ ...common, status: z.enum(PURCHASE_ORDER_STATUSES).optional().catch(undefined), after: cursor(INSTANT_KEY_RE, UUID_RE) });
export type TOrderListQuery = z.infer<typeof ZOrderListQuery>;

export const ZCreditNoteListQuery = z.object({ ...common, after: cursor(DATE_KEY_RE, UUID_RE) });
export type TCreditNoteListQuery = z.infer<typeof ZCreditNoteListQuery>;

export const ZPaymentListQuery = z.object({ ...common, method: z.enum(PAYMENT_METHODS).optional().catch(undefined), after: cursor(DATE_KEY_RE, UUID_RE) });
export type TPaymentListQuery = z.infer<typeof ZPaymentListQuery>;

export const ZAuditListQuery = z.object({
  actor: ZSearchText(254).optional().catch(undefined),
  action: z.string().max(80).regex(/^[a-z_.]+$/).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  after: cursor(INSTANT_KEY_RE, BIGINT_ID_RE),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

/** One page of a keyset list: `next` is the cursor of the following page, null on the last. */
export interface KeysetPage<T> {
  items: T[];
  next: string | null;
}

export interface OrderListItemDto {
  id: string;
  number: string;
  status: (typeof PURCHASE_ORDER_STATUSES)[number];
  customerId: string;
  customerName: string;
  currency: string;
  createdAt: string;
}

export interface CreditNoteListItemDto {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  invoice: { id: string; number: string | null };
  currency: string;
  issueDate: string;
  grossMinor: number;
  reason: string;
}

export interface PaymentListItemDto {
  id: string;
  customerId: string;
  customerName: string;
  invoice: { id: string; number: string | null };
  method: (typeof PAYMENT_METHODS)[number];
  reference: string;
  currency: string;
  receivedOn: string;
  amountMinor: number;
}

export interface AuditEventListItemDto {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  customerId: string | null;
  ip: string | null;
}
