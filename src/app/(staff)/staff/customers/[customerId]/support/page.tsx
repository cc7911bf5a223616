import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { BillSupportTimeButton } from "@/components/support/BillSupportTimeButton";
import { BuyHoursForm } from "@/components/support/BuyHoursForm";
import { HourBankTable, SupportBalanceCards, TimeEntryTable } from "@/components/support/SupportViews";
import { TimeEntryForm } from "@/components/support/TimeEntryForm";
import { Card } from "@/components/ui";
import { staffMayAct } from "@/domain/auth/roles";
import { todayIn } from "@/domain/billing/calendar-date";
import { fmtMoney } from "@/domain/billing/display-format";
import { formatMinutes } from "@/domain/support/duration-format";
import { requireStaff } from "@/server/auth/guards";
import { findCustomerSummary } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";
import { getSupportOverview } from "@/server/support/banks/get-support-overview";
import { listBankOffers, listTechnicianChoices, listTicketChoices } from "@/server/support/banks/support-form-choices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportBanks.staff");
  return { title: t("link") };
}

/**
 * A customer's support hours for staff: the balance, the banks, the entries; billing staff buy hours
 * and bill the time no bank covered, support staff log time on the customer's open tickets.
 */
export default async function CustomerSupportPage({ params }: { params: Promise<{ customerId: string }> }) {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).customerId);
  if (!id.success) notFound();
  const db = getDb();
  const customer = await findCustomerSummary(db, id.data);
  if (!customer) notFound();
  const canBill = staffMayAct(staff.staffRoles, ["BILLING"]);
  const canLog = staffMayAct(staff.staffRoles, ["SUPPORT"]);
  const [overview, offers, tickets, technicians] = await Promise.all([
    getSupportOverview(db, customer.id),
    canBill ? listBankOffers(db, customer.currency) : Promise.resolve([]),
    canLog ? listTicketChoices(db, customer.id) : Promise.resolve([]),
    canLog ? listTechnicianChoices(db) : Promise.resolve([]),
  ]);
  if (!overview) notFound();
  const t = await getTranslations("supportBanks");
  const locale = await getLocale();
  const unbilled = overview.entries.filter((e) => !e.billedInvoiceId).reduce((s, e) => s + e.billableMinutes + e.travelChargedMinutes, 0);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 data-testid="support-title">{t("staff.title", { name: customer.legalName })}</h1>
        <p className="text-sm">
          <Link href={`/staff/customers/${customer.id}`}>{t("staff.back")}</Link>
        </p>
      </div>
      <SupportBalanceCards balance={overview.balance} />
      {canLog ? (
        <Card title={t("staff.logTitle")}>
          <TimeEntryForm tickets={tickets} technicians={technicians} today={todayIn(customer.timeZone, new Date())} />
        </Card>
      ) : null}
      <Card title={t("entries")}>
        <TimeEntryTable entries={overview.entries} currency={overview.currency} invoiceHrefBase="/staff/invoices" ticketHrefBase="/staff/support/tickets" />
      </Card>
      <Card title={t("banks")}>
        <HourBankTable banks={overview.banks} invoiceHrefBase="/staff/invoices" />
      </Card>
      {canBill ? (
        <Card title={t("staff.buyTitle")}>
          {offers.length > 0 ? (
            <BuyHoursForm customerId={customer.id} customerName={customer.legalName} offers={offers} />
          ) : (
            <p className="text-sm text-slate-500" data-testid="no-bank-offers">
              {t("staff.noProducts", { currency: customer.currency })}
            </p>
          )}
        </Card>
      ) : null}
      {canBill ? (
        <Card title={t("staff.billTitle")}>
          <p className="mb-3 text-sm text-slate-600">
            {t("staff.billIntro")}{" "}
            <span data-testid="unbilled-time">{t("staff.unbilled", { time: formatMinutes(unbilled) })}</span>
            {overview.hourlyRate ? ` · ${t("tiers.hourlyRate", { rate: fmtMoney(overview.hourlyRate.rateMinor, overview.hourlyRate.currency, locale) })}` : null}
          </p>
          <BillSupportTimeButton customerId={customer.id} summary={t("staff.confirmBill", { customer: customer.legalName, time: formatMinutes(unbilled) })} />
        </Card>
      ) : null}
    </div>
  );
}
