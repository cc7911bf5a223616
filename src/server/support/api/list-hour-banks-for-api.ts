import type { ApiBody } from "@/contracts/api-responses";
import type { ZApiHourBank } from "@/contracts/api-responses-support";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { minorFromDb } from "@/server/billing/ledger-values";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";

type HourBankApi = ApiBody<typeof ZApiHourBank>;

/** Banks newest first (hour_banks_purchased_at_id_idx; one customer's: hour_banks_customer_id_purchased_at_id_idx). */
function hourBankList(f: { customerId?: string; bankId?: string }): KeysetList {
  const filters: Prisma.Sql[] = [];
  if (f.customerId) filters.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.bankId) filters.push(Prisma.sql`t.id = ${f.bankId}::uuid`);
  return {
    table: "hour_banks",
    idType: "uuid",
    key: ["t.purchased_at", "t.id"],
    order: "DESC",
    // What was drawn from each bank of the page: one indexed sum per row (hour_bank_draws_bank_id_idx).
    select: Prisma.sql`t.id::text AS id, t.customer_id::text AS "customerId", t.product_id::text AS "productId", t.hours,
      t.rate_minor AS "rateMinor", t.total_minor AS "totalMinor", t.currency, t.invoice_id::text AS "invoiceId",
      (SELECT number FROM invoices i WHERE i.id = t.invoice_id) AS "invoiceNumber", t.purchased_at AS "purchasedAt",
      (SELECT COALESCE(sum(d.minutes), 0)::int FROM hour_bank_draws d WHERE d.bank_id = t.id) AS "usedMinutes"`,
    scope: [],
    filters,
  };
}

interface Row extends Omit<HourBankApi, "rateMinor" | "totalMinor" | "remainingMinutes"> {
  rateMinor: bigint;
  totalMinor: bigint;
}

const view = (r: Row): HourBankApi => ({ ...r, rateMinor: minorFromDb(r.rateMinor), totalMinor: minorFromDb(r.totalMinor), remainingMinutes: r.hours * 60 - r.usedMinutes });

export async function listHourBanksForApi(db: Db, filters: { customerId?: string }, page: PageRequest): Promise<CursorPage<HourBankApi>> {
  const read = await readKeysetPage<Row>(db, hourBankList(filters), page);
  return { ...read, items: read.items.map(view) };
}

export async function getHourBankForApi(db: Db, bankId: string): Promise<HourBankApi | null> {
  const read = await readKeysetPage<Row>(db, hourBankList({ bankId }), { limit: 1 });
  const row = read.items[0];
  return row ? view(row) : null;
}
