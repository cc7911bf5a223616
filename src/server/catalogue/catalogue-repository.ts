import type { BillingCycle, ProductKind } from "@/generated/prisma/client";
import { minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

export interface ProductPriceDto {
  cycle: BillingCycle | null;
  currency: string;
  unitAmountMinor: number;
}

export interface ProductDto {
  id: string;
  code: string;
  kind: ProductKind;
  name: string;
  description: string;
  taxRateBp: number;
  active: boolean;
  createdAt: Date;
  prices: ProductPriceDto[];
}

export async function listProducts(db: Db, opts: { activeOnly: boolean }): Promise<ProductDto[]> {
  const rows = await db.product.findMany({
    where: opts.activeOnly ? { active: true } : {},
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    include: { prices: { orderBy: [{ currency: "asc" }, { cycle: "asc" }] } },
  });
  return rows.map((p) => ({ ...p, prices: p.prices.map((pr) => ({ cycle: pr.cycle, currency: pr.currency, unitAmountMinor: minorFromDb(pr.unitAmountMinor) })) }));
}

export async function findProductForSale(db: Db, productId: string) {
  return db.product.findFirst({ where: { id: productId, active: true }, include: { prices: true } });
}

/** The catalogue price of a product for a cycle (null = one-off) and currency, if there is one. */
export function priceFor(product: { prices: { cycle: BillingCycle | null; currency: string; unitAmountMinor: bigint }[] }, cycle: BillingCycle | null, currency: string): number | null {
  const p = product.prices.find((x) => x.cycle === cycle && x.currency === currency);
  return p ? minorFromDb(p.unitAmountMinor) : null;
}

export async function createProduct(
  db: Db,
  data: { code: string; kind: string; name: string; description: string; taxRateBp: number; prices: { cycle: BillingCycle | null; currency: string; unitAmountMinor: bigint }[] },
) {
  const { prices, kind, ...rest } = data;
  return db.product.create({ data: { ...rest, kind: kind as never, prices: { create: prices } }, select: { id: true } });
}

export async function productCodeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.product.count({ where: { code } })) > 0;
}
