import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { fmtMoney } from "@/domain/billing/display-format";
import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { PayAllDue } from "@/components/portal/PayAllDue";
import { PayButton } from "@/components/portal/PayButton";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { customerBalanceSummary, listInvoices } from "@/server/billing/invoice-list";
import { customerToday } from "@/server/customers/customer-repository";
import { listCustomerSubscriptions } from "@/server/subscriptions/subscription-repository";
import { fmtDate } from "@/domain/billing/display-format";
import { isOrderExpired } from "@/domain/billing/order-validity";
import { getDb } from "@/server/db/client";
import { listOrdersAwaitingAnswer } from "@/server/orders/purchase-order-repository";
import { listPayableInvoices } from "@/server/payments/list-payable-invoices";

export default async function PortalHome() {
  const user = await requireCustomer();
  const db = getDb();
  const today = await customerToday(db, user.customerId, new Date());
  const [summary, open, renewals, awaiting, payable] = await Promise.all([
    customerBalanceSummary(db, user.customerId, today),
    listInvoices(db, { customerId: user.customerId }, { status: "OPEN" }, { limit: 5 }),
    listCustomerSubscriptions(db, user.customerId, { activeOnly: true, take: 4 }),
    listOrdersAwaitingAnswer(db, user.customerId),
    listPayableInvoices(db, user.customerId),
  ]);
  const t = await getTranslations("portal.home");
  const billing = await getTranslations("billing");
  const pay = await getTranslations("payments");
  const locale = await getLocale();
  const due = summary.filter((s) => s.dueMinor > 0);
  const overdue = summary.filter((s) => s.overdueMinor > 0);
  // A lapsed order no longer waits for an answer: it can only be declined, its page says why.
  const answerable = awaiting.filter((o) => !isOrderExpired(o.validUntil, today));
  return (
    <>
      <div>
        <h1 data-testid="portal-title">{t("title", { name: user.name })}</h1>
        <p className="text-slate-600">{t("company", { companyName: user.customerName })}</p>
      </div>
      {answerable.length > 0 ? (
        <Card title={t("ordersAwaiting")}>
          <ul className="flex flex-col gap-1 text-sm" data-testid="orders-awaiting">
            {answerable.map((o) => (
              <li key={o.id} className="flex flex-wrap justify-between gap-x-4">
                <Link href={`/portal/orders/${o.id}`}>{o.number}</Link>
                <span className="text-slate-600">{t("orderAwaiting", { amount: fmtMoney(o.totalGrossMinor, o.currency, locale), date: fmtDate(o.validUntil, locale) })}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Card title={t("amountDue")}>
          {due.length === 0 ? (
            <p className="text-sm text-slate-500">{t("nothingDue")}</p>
          ) : (
            <>
              {due.map((s) => (
                <p key={s.currency} className="text-2xl font-semibold tabular-nums" data-testid="amount-due">
                  {fmtMoney(s.dueMinor, s.currency, locale)}
                </p>
              ))}
              <div className="mt-2">
                <PayAllDue groups={payable} />
              </div>
            </>
          )}
        </Card>
        <Card title={t("overdue")}>
          {overdue.length === 0 ? (
            <p className="text-sm text-slate-500">{t("nothingDue")}</p>
          ) : (
            <>
              {overdue.map((s) => (
                <p key={s.currency} className="text-2xl font-semibold text-red-700 tabular-nums" data-testid="amount-overdue">
                  {fmtMoney(s.overdueMinor, s.currency, locale)}
                </p>
              ))}
              <Link href="/portal/invoices?status=OVERDUE" className="text-sm" data-testid="see-overdue">
                {t("seeOverdue")}
              </Link>
            </>
          )}
        </Card>
        <Card title={t("nextRenewals")}>
          {renewals.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noRenewals")}</p>
          ) : (
            <ul className="text-sm" data-testid="next-renewals">
              {renewals.map((s) => (
                <li key={s.id} className="flex justify-between gap-2">
                  <span className="truncate">{s.description}</span>
                  <span className="whitespace-nowrap text-slate-600">{fmtDate(s.nextRenewal, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {open.items.length > 0 ? (
        <Card title={billing("statuses.OPEN")} actions={<Link href="/portal/invoices">{billing("invoices")}</Link>}>
          <InvoiceTable rows={open.items} hrefBase="/portal/invoices" today={today} rowAction={{ label: pay("payColumn"), render: (r) => (r.status === "OPEN" && r.balanceMinor > 0 ? <PayButton invoiceIds={[r.id]} label={pay("pay")} tone="secondary" testId="pay-row" /> : null) }} />
        </Card>
      ) : null}
    </>
  );
}
