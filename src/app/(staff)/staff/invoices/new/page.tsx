import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DraftInvoiceForm } from "@/components/staff/DraftInvoiceForm";
import { requireStaff } from "@/server/auth/guards";
import { findCustomerSummary } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("BILLING");
  const customerId = z.string().uuid().safeParse((await searchParams).customerId);
  if (!customerId.success) notFound();
  const customer = await findCustomerSummary(getDb(), customerId.data);
  if (!customer) notFound();
  const t = await getTranslations("billing");
  return (
    <>
      <h1>
        {t("actions.newInvoice")} — {customer.legalName}
      </h1>
      <DraftInvoiceForm customerId={customer.id} currency={customer.currency} />
    </>
  );
}
