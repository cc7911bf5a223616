import { Prisma } from "@/generated/prisma/client";
import { likePattern } from "@/server/db/like-pattern";

/**
 * "Number or customer" search of the back-office lists, as conditions on the list's own table `t`:
 * its text column through its trigram index, or a customer whose legal name contains the text
 * (`customer_id = ANY(ARRAY(...))`: the names are found through customers_legal_name_trgm_idx first,
 * so no join has to be filtered row by row).
 */
export const customerNamed = (text: string): Prisma.Sql =>
  Prisma.sql`t.customer_id = ANY(ARRAY(SELECT id FROM customers WHERE legal_name ILIKE ${likePattern(text)}))`;

export const columnOrCustomerContains = (column: "t.number" | "t.reference", text: string): Prisma.Sql =>
  Prisma.sql`(${Prisma.raw(column)} ILIKE ${likePattern(text)} OR ${customerNamed(text)})`;
