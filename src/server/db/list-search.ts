import { Prisma } from "@/generated/prisma/client";
import { likePattern } from "@/server/db/like-pattern";

/**
 * Columns a list row shows from other tables, as scalar subqueries rather than joins: PostgreSQL
 * evaluates them only for the rows the LIMIT keeps (after any sort), so they weigh nothing when the
 * planner chooses between walking the sort-key index and finding a few search matches first, then
 * sorting them (a join would be costed for every match, and tip it towards the walk).
 */
export const customerNameOf = Prisma.sql`(SELECT cu.legal_name FROM customers cu WHERE cu.id = t.customer_id) AS "customerName"`;
export const invoiceNumberOf = Prisma.sql`(SELECT inv.number FROM invoices inv WHERE inv.id = t.invoice_id) AS "invoiceNumber"`;

/**
 * The list's rows of a customer whose legal name contains the text: the customers are found first
 * through customers_legal_name_trgm_idx, then their rows through the list's (customer_id, …) index.
 */
export const customerNamed = (text: string): Prisma.Sql =>
  Prisma.sql`t.customer_id = ANY(ARRAY(SELECT id FROM customers WHERE legal_name ILIKE ${likePattern(text)}))`;

/** "Number or customer" search of the back-office lists: the column through its trigram index, or the customer's name. */
export const columnOrCustomerContains = (column: "t.number", text: string): Prisma.Sql =>
  Prisma.sql`(${Prisma.raw(column)} ILIKE ${likePattern(text)} OR ${customerNamed(text)})`;
