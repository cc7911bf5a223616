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

export function StaffOrderTable({ rows, filters }: { rows: OrderListItemDto[]; filters: Record<string, string | undefined> }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <Table headers={[t("orders.number"), t("billing.customer"), t("orders.date"), t("orders.status")]}>
      {rows.map((o) => (
        <tr key={o.id} data-testid="order-row">
          <Td>
            <Link href={`/staff/orders/${o.id}`}>{o.number}</Link>
          </Td>
          <Td>
            <CustomerLink id={o.customerId} name={o.customerName} filters={filters} />
          </Td>
          <Td className="whitespace-nowrap">{dateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(o.createdAt))}</Td>
          <Td>
            <Badge>{o.status === "SENT" ? t("orders.sentAwaitingCustomer") : t(`orders.statuses.${o.status}`)}</Badge>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

export function StaffCreditNoteTable({ rows, filters }: { rows: CreditNoteListItemDto[]; filters: Record<string, string | undefined> }) {
  const t = useTranslations("billing");
  const locale = useLocale();
  return (
    <Table headers={[t("number"), t("customer"), t("issueDate"), t("correctsInvoice"), t("reason"), t("amount")]}>
      {rows.map((c) => (
        <tr key={c.id} data-testid="credit-note-row">
          <Td>
            <Link href={`/staff/credit-notes/${c.id}`}>{c.number}</Link>
          </Td>
          <Td>
            <CustomerLink id={c.customerId} name={c.customerName} filters={filters} />
          </Td>
          <Td className="whitespace-nowrap">{fmtDate(c.issueDate as CalendarDate, locale)}</Td>
          <Td>
            <Link href={`/staff/invoices/${c.invoice.id}`}>{c.invoice.number}</Link>
          </Td>
          <Td>{c.reason}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(c.grossMinor, c.currency, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}

export function StaffPaymentTable({ rows, filters }: { rows: PaymentListItemDto[]; filters: Record<string, string | undefined> }) {
  const t = useTranslations("billing");
  const locale = useLocale();
  return (
    <Table headers={[t("receivedOn"), t("customer"), t("invoice"), t("method"), t("reference"), t("amount")]}>
      {rows.map((p) => (
        <tr key={p.id} data-testid="payment-row">
          <Td className="whitespace-nowrap">{fmtDate(p.receivedOn as CalendarDate, locale)}</Td>
          <Td>
            <CustomerLink id={p.customerId} name={p.customerName} filters={filters} />
          </Td>
          <Td>
            <Link href={`/staff/invoices/${p.invoice.id}`}>{p.invoice.number ?? t("draftNumber")}</Link>
          </Td>
          <Td>{t(`methods.${p.method}`)}</Td>
          <Td>{p.reference}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(p.amountMinor, p.currency, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}
