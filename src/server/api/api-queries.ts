import { minorFromDb, dateFromDb, quantityFromDb } from "@/server/billing/ledger-values";
import type { PageRequest } from "@/domain/shared/cursor-page";
import { type BillingCycle, Prisma, type SubscriptionStatus } from "@/generated/prisma/client";
import { type CustomerListFilters, customerList } from "@/server/customers/customer-list";
import { readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";

/** Reads the REST API exposes that the pages do not need in this shape. Staff scope. */

const customerSelect = {
  id: true, legalName: true, billingEmail: true, addressLine1: true, addressLine2: true, postalCode: true, city: true, country: true,
  taxId: true, currency: true, locale: true, timeZone: true, groupId: true, createdAt: true,
} as const;

/** The same fields in SQL, for pages read by keyset. */
const CUSTOMER_COLUMNS = Prisma.sql`t.id::text AS id, t.legal_name AS "legalName", t.billing_email AS "billingEmail", t.address_line1 AS "addressLine1",
  t.address_line2 AS "addressLine2", t.postal_code AS "postalCode", t.city, t.country, t.tax_id AS "taxId", t.currency, t.locale,
  t.time_zone AS "timeZone", t.group_id::text AS "groupId", t.created_at AS "createdAt"`;
interface ApiCustomerRow {
  id: string;
  legalName: string;
  billingEmail: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  taxId: string | null;
  currency: string;
  locale: string;
  timeZone: string;
  groupId: string | null;
  createdAt: Date;
}

/** A page of customers by legal name (the back-office list's order and search). */
export async function apiListCustomers(db: Db, filters: CustomerListFilters, page: PageRequest) {
  return readKeysetPage<ApiCustomerRow>(db, customerList(filters, CUSTOMER_COLUMNS), page);
}

export async function apiGetCustomer(db: Db, customerId: string) {
  return db.customer.findUnique({ where: { id: customerId }, select: { ...customerSelect, sites: { orderBy: { name: "asc" } } } });
}

export async function apiListSites(db: Db, customerId: string) {
  return db.site.findMany({ where: { customerId }, orderBy: { name: "asc" } });
}

function subscriptionDto(s: {
  id: string; customerId: string; siteId: string | null; productId: string; description: string; quantity: { toString(): string }; unitAmountMinor: bigint;
  currency: string; taxRateBp: number; cycle: BillingCycle; status: SubscriptionStatus; currentPeriodStart: Date; currentPeriodEnd: Date; createdAt: Date;
}) {
  return {
    id: s.id, customerId: s.customerId, siteId: s.siteId, productId: s.productId, description: s.description,
    quantity: String(quantityFromDb(s.quantity) / 1000), unitAmountMinor: minorFromDb(s.unitAmountMinor), currency: s.currency, taxRateBp: s.taxRateBp,
    cycle: s.cycle, status: s.status,
    currentPeriod: { start: dateFromDb(s.currentPeriodStart), end: dateFromDb(s.currentPeriodEnd) },
    nextRenewalDate: dateFromDb(s.currentPeriodEnd),
    createdAt: s.createdAt,
  };
}

/**
 * A page of subscriptions, newest first: (created_at, id) DESC, served exactly by
 * subscriptions_created_at_id_idx, and for one customer by subscriptions_customer_id_created_at_id_idx
 * (migration 20261202070100_more_list_indexes).
 */
export async function apiListSubscriptions(db: Db, filters: { customerId?: string }, page: PageRequest) {
  const read = await readKeysetPage<Parameters<typeof subscriptionDto>[0]>(
    db,
    {
      table: "subscriptions",
      idType: "uuid",
      key: ["t.created_at", "t.id"],
      order: "DESC",
      select: Prisma.sql`t.id::text AS id, t.customer_id::text AS "customerId", t.site_id::text AS "siteId", t.product_id::text AS "productId",
        t.description, t.quantity::text AS quantity, t.unit_amount_minor AS "unitAmountMinor", t.currency, t.tax_rate_bp AS "taxRateBp",
        t.cycle::text AS cycle, t.status::text AS status, t.current_period_start AS "currentPeriodStart", t.current_period_end AS "currentPeriodEnd",
        t.created_at AS "createdAt"`,
      scope: [],
      filters: filters.customerId ? [Prisma.sql`t.customer_id = ${filters.customerId}::uuid`] : [],
    },
    page,
  );
  return { ...read, items: read.items.map(subscriptionDto) };
}

export async function apiGetSubscription(db: Db, subscriptionId: string) {
  const s = await db.subscription.findUnique({ where: { id: subscriptionId }, include: { history: { orderBy: { at: "asc" } } } });
  if (!s) return null;
  return { ...subscriptionDto(s), history: s.history.map((h) => ({ from: h.fromStatus, to: h.toStatus, reason: h.reason, at: h.at })) };
}
