import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PurchaseOrderForm } from "@/components/staff/PurchaseOrderForm";
import { requireStaff } from "@/server/auth/guards";
import { listProducts } from "@/server/catalogue/catalogue-repository";
import { findCustomerSummary } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING");
  const customerId = z.string().uuid().safeParse((await searchParams).customerId);
  if (!customerId.success) notFound();
  const db = getDb();
  const [customer, products] = await Promise.all([findCustomerSummary(db, customerId.data), listProducts(db, { activeOnly: true })]);
  if (!customer) notFound();
  const t = await getTranslations("orders");
  const offer = products.map((p) => ({ id: p.id, name: p.name, oneOff: p.kind === "ONE_OFF", cycles: p.prices.filter((pr) => pr.currency === customer.currency && pr.cycle).map((pr) => pr.cycle as string) }));
  return (
    <>
      <h1>
        {t("new")} — {customer.legalName}
      </h1>
      <PurchaseOrderForm customerId={customer.id} products={offer} />
    </>
  );
}
