import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { listHref } from "@/components/lists/ListControls";
import { Badge, Table, Td } from "@/components/ui";
import type { CreditNoteListItemDto, OrderListItemDto, PaymentListItemDto } from "@/contracts/staff-lists";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { dateTimeFormat } from "@/domain/shared/intl-formats";

/** A customer's name that narrows the current list to that customer (the other filters stay). */
function CustomerLink({ id, name, filters }: { id: string; name: string; filters: Record<string, string | undefined> }) {
  return <Link href={listHref("", { ...filters, customerId: id })}>{name}</Link>;
}

/**
 * On a phone: number, date and status; the customer goes under the number, as text (links stacked
 * that close would be too small a target to tap, WCAG 2.5.8).
 */
const SECONDARY = "hidden md:table-cell";

export function StaffOrderTable({ rows, filters }: { rows: OrderListItemDto[]; filters: Record<string, string | undefined> }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <Table headers={[t("orders.number"), { label: t("billing.customer"), className: SECONDARY }, t("orders.date"), t("orders.status")]}>
      {rows.map((o) => (
        <tr key={o.id} data-testid="order-row">
          <Td>
            <Link href={`/staff/orders/${o.id}`} className="whitespace-nowrap tabular-nums">
              {o.number}
            </Link>
            <span className="block text-xs text-slate-500 md:hidden">{o.customerName}</span>
          </Td>
          <Td className={SECONDARY}>
            <CustomerLink id={o.customerId} name={o.customerName} filters={filters} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{dateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(o.createdAt))}</Td>
          <Td>
            <Badge>{o.status === "SENT" ? t("orders.sentAwaitingCustomer") : t(`orders.statuses.${o.status}`)}</Badge>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

/** On a phone: number, date and amount; the customer and the corrected invoice go under the number. */
export function StaffCreditNoteTable({ rows, filters }: { rows: CreditNoteListItemDto[]; filters: Record<string, string | undefined> }) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const headers = [
    t("number"),
    { label: t("customer"), className: SECONDARY },
    t("issueDate"),
    { label: t("correctsInvoice"), className: SECONDARY },
    { label: t("reason"), className: SECONDARY },
    { label: t("amount"), className: "text-right" },
  ];
  return (
    <Table headers={headers}>
      {rows.map((c) => (
        <tr key={c.id} data-testid="credit-note-row">
          <Td>
            <Link href={`/staff/credit-notes/${c.id}`} className="whitespace-nowrap tabular-nums">
              {c.number}
            </Link>
            <span className="block text-xs text-slate-500 md:hidden">
              <span className="block">{c.customerName}</span>
              <span className="block">
                {t("correctsInvoice")} <span className="whitespace-nowrap tabular-nums">{c.invoice.number}</span>
              </span>
            </span>
          </Td>
          <Td className={SECONDARY}>
            <CustomerLink id={c.customerId} name={c.customerName} filters={filters} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{fmtDate(c.issueDate as CalendarDate, locale)}</Td>
          <Td className={`${SECONDARY} whitespace-nowrap tabular-nums`}>
            <Link href={`/staff/invoices/${c.invoice.id}`}>{c.invoice.number}</Link>
          </Td>
          <Td className={SECONDARY}>{c.reason}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(c.grossMinor, c.currency, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** On a phone: date, invoice and amount; the customer, method and reference go under the invoice. */
export function StaffPaymentTable({ rows, filters }: { rows: PaymentListItemDto[]; filters: Record<string, string | undefined> }) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const headers = [
    t("receivedOn"),
    { label: t("customer"), className: SECONDARY },
    t("invoice"),
    { label: t("method"), className: SECONDARY },
    { label: t("reference"), className: SECONDARY },
    { label: t("amount"), className: "text-right" },
  ];
  return (
    <Table headers={headers}>
      {rows.map((p) => (
        <tr key={p.id} data-testid="payment-row">
          <Td className="whitespace-nowrap tabular-nums">{fmtDate(p.receivedOn as CalendarDate, locale)}</Td>
          <Td className={SECONDARY}>
            <CustomerLink id={p.customerId} name={p.customerName} filters={filters} />
          </Td>
          <Td>
            <Link href={`/staff/invoices/${p.invoice.id}`} className="whitespace-nowrap tabular-nums">
              {p.invoice.number ?? t("draftNumber")}
            </Link>
            <span className="block text-xs text-slate-500 md:hidden">
              <span className="block">{p.customerName}</span>
              <span className="block">
                {t(`methods.${p.method}`)}
                {p.reference ? ` · ${p.reference}` : ""}
              </span>
            </span>
          </Td>
          <Td className={SECONDARY}>{t(`methods.${p.method}`)}</Td>
          <Td className={SECONDARY}>{p.reference}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(p.amountMinor, p.currency, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}
