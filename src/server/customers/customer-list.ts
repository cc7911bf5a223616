import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { cappedCount, type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import { likePattern } from "@/server/db/like-pattern";
import type { Db } from "@/server/db/types";

/**
 * Customer lists (the back-office's and the API's) by legal name, A to Z, id as the tie-breaker:
 * (legal_name, id) ASC, served exactly by customers_legal_name_id_idx. The search (part of the legal
 * name or of the billing e-mail, any case) goes through the two trigram indexes of migration
 * 20261202070000_list_indexes.
 */
const CUSTOMER_KEY = ["t.legal_name", "t.id"] as const;

export interface CustomerListFilters {
  search?: string;
}

export function customerList(filters: CustomerListFilters, select: Prisma.Sql): KeysetList {
  const p = filters.search ? likePattern(filters.search) : null;
  return {
    table: "customers",
    idType: "uuid",
    key: CUSTOMER_KEY,
    order: "ASC",
    select,
    scope: [],
    filters: p ? [Prisma.sql`(t.legal_name ILIKE ${p} OR t.billing_email ILIKE ${p})`] : [],
  };
}

export interface CustomerListItem {
  id: string;
  legalName: string;
  billingEmail: string;
  userCount: number;
}

/** One page of the back-office list, with each customer's number of users (users_customer_id_idx). */
export async function listCustomers(
  db: Db,
  filters: CustomerListFilters,
  page: PageRequest,
): Promise<CursorPage<CustomerListItem>> {
  return readKeysetPage<CustomerListItem>(
    db,
    customerList(
      filters,
      Prisma.sql`t.id::text AS id, t.legal_name AS "legalName", t.billing_email AS "billingEmail",
      (SELECT count(*) FROM users u WHERE u.customer_id = t.id)::int AS "userCount"`,
    ),
    page,
  );
}

/** The total above the list, exact up to `cap`. */
export const CUSTOMER_COUNT_CAP = 10_000;
export async function countCustomerList(db: Db, filters: CustomerListFilters) {
  return cappedCount(db, customerList(filters, Prisma.empty), CUSTOMER_COUNT_CAP);
}
