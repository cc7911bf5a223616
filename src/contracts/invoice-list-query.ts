import { z } from "zod";
import { isCalendarDate } from "@/domain/billing/calendar-date";
import { ZListCursor } from "./list-cursor";
import { ZSearchText } from "./text";

/**
 * Query string of invoice lists (portal, back-office, CSV export). Bad values fall back to "no filter".
 * OVERDUE is not a stored status: open, past its due date, something left to pay.
 */
const optionalDate = z
  .string()
  .refine((v): boolean => isCalendarDate(v))
  .optional()
  .catch(undefined);

export const ZInvoiceListQuery = z.object({
  q: ZSearchText(40).optional().catch(undefined),
  status: z.enum(["DRAFT", "OPEN", "OVERDUE", "PAID", "VOID"]).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  customerId: z.string().uuid().optional().catch(undefined),
  ...ZListCursor.shape,
});
export type TInvoiceListQuery = z.infer<typeof ZInvoiceListQuery>;

export function searchParamsToObject(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value) out[k] = value;
  }
  return out;
}

/** True when any filter narrows the list (an empty result then offers to clear them). */
export const hasInvoiceFilters = (q: TInvoiceListQuery): boolean => Boolean(q.q || q.status || q.from || q.to || q.customerId);
