import { z } from "zod";
import { ZSearchText } from "./text";

/** Query strings of the REST API list endpoints. */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZCustomerListQuery = ZPageQuery.extend({ search: ZSearchText(100).optional() });
export const ZByCustomerQuery = ZPageQuery.extend({ customerId: z.string().uuid().optional() });
export const ZInvoiceApiListQuery = ZPageQuery.extend({
  customerId: z.string().uuid().optional(),
  status: z.enum(["DRAFT", "OPEN", "PAID", "VOID"]).optional(),
});
export const ZApiTokenName = z.string().trim().min(1).max(80);

export const pageOf = (q: { page: number; perPage: number }) => ({ take: q.perPage, skip: (q.page - 1) * q.perPage });
export const listBody = <T>(data: T[], total: number, q: { page: number; perPage: number }) => ({ data, page: q.page, perPage: q.perPage, total });
