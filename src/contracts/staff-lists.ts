import { z } from "zod";
import { type CalendarDate, isCalendarDate } from "@/domain/billing/calendar-date";
import { UUID_RE } from "@/domain/shared/row-ids";
import { ZBigintListCursor, ZListCursor } from "./list-cursor";
import { ZSearchText } from "./text";

/**
 * Query strings of the back-office lists (orders, credit notes, payments, audit log). Filters live in
 * the URL; a bad value falls back to "no filter", a bad cursor (`after` / `before`, a row id) to the
 * first page.
 */
const optionalDate = z
  .string()
  .refine((v): boolean => isCalendarDate(v))
  .optional()
  .catch(undefined);
const optionalUuid = z.string().regex(UUID_RE).optional().catch(undefined);

const common = {
  q: ZSearchText(60).optional().catch(undefined),
  customerId: optionalUuid,
  from: optionalDate,
  to: optionalDate,
};

export const PURCHASE_ORDER_STATUSES = ["DRAFT", "SENT", "ACCEPTED", "DECLINED", "CANCELLED"] as const;
export const PAYMENT_METHODS = ["CARD", "BANK_DEBIT", "TRANSFER", "CHEQUE", "CASH"] as const;

export const ZOrderListQuery = z.object({ ...common, status: z.enum(PURCHASE_ORDER_STATUSES).optional().catch(undefined), ...ZListCursor.shape });
export type TOrderListQuery = z.infer<typeof ZOrderListQuery>;

export const ZCreditNoteListQuery = z.object({ ...common, ...ZListCursor.shape });
export type TCreditNoteListQuery = z.infer<typeof ZCreditNoteListQuery>;

export const ZPaymentListQuery = z.object({ ...common, method: z.enum(PAYMENT_METHODS).optional().catch(undefined), ...ZListCursor.shape });
export type TPaymentListQuery = z.infer<typeof ZPaymentListQuery>;

export const ZAuditListQuery = z.object({
  actor: ZSearchText(254).optional().catch(undefined),
  action: z.string().max(80).regex(/^[a-z_.]+$/).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  ...ZBigintListCursor.shape,
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

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
  issueDate: CalendarDate;
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
  receivedOn: CalendarDate;
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
