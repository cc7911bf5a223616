import { z } from "zod";
import type { PageRequest } from "@/domain/shared/cursor-page";
import { DomainError } from "@/domain/shared/domain-error";
import { ZSearchText } from "./text";

/**
 * Query strings of the REST API list endpoints: Stripe-style cursors. `starting_after` is the id of
 * the last object of the page you have (next page), `ending_before` the id of the first (previous
 * page); `has_more` says whether more objects lie beyond in that direction.
 */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  starting_after: z.string().uuid().optional(),
  ending_before: z.string().uuid().optional(),
});
type TPageQuery = z.infer<typeof ZPageQuery>;

export const ZCustomerListQuery = ZPageQuery.extend({ search: ZSearchText(100).optional() });
export const ZByCustomerQuery = ZPageQuery.extend({ customerId: z.string().uuid().optional() });
export const ZInvoiceApiListQuery = ZPageQuery.extend({
  customerId: z.string().uuid().optional(),
  status: z.enum(["DRAFT", "OPEN", "PAID", "VOID"]).optional(),
});
export const ZApiTokenName = z.string().trim().min(1).max(80);

/** The page request of an API query; both cursors at once is a 400 naming `ending_before`. */
export function apiPageRequest(q: TPageQuery): PageRequest {
  if (q.starting_after && q.ending_before) {
    throw new DomainError("VALIDATION_FAILED", { field: "ending_before", reason: "Send starting_after or ending_before, not both." });
  }
  return q.ending_before ? { limit: q.limit, before: q.ending_before } : q.starting_after ? { limit: q.limit, after: q.starting_after } : { limit: q.limit };
}

/**
 * A list body, Stripe's shape; a cursor that names no object of this list is a 400 naming the
 * parameter (an id from another list, a deleted draft, another scope).
 */
export function listBody<T>(page: { items: T[]; hasMore: boolean; cursorFound: boolean; direction: string }) {
  if (!page.cursorFound) {
    throw new DomainError("VALIDATION_FAILED", { field: page.direction === "before" ? "ending_before" : "starting_after", reason: "No such object in this list." });
  }
  return { object: "list" as const, data: page.items, has_more: page.hasMore };
}
