import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td } from "@/components/ui";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { isPastDue } from "@/domain/billing/invoice-state";
import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";

export interface InvoiceRow {
  id: string;
  number: string | null;
  status: string;
  customerName?: string;
  currency: string;
  issueDate: CalendarDate | null;
  dueDate: CalendarDate | null;
  grossMinor: number;
  balanceMinor: number;
}

/** A list of invoices; `hrefBase` is /portal/invoices or /staff/invoices. */
/**
 * `rowAction` adds a last column (the portal's "Pay" on open invoices); on a phone it is left out, so
 * the key columns stay on screen: the invoice's own page and "Pay all due" offer it there.
 */
export function InvoiceTable({ rows, hrefBase, today, showCustomer = false, rowAction }: { rows: InvoiceRow[]; hrefBase: string; today: CalendarDate; showCustomer?: boolean; rowAction?: { label: string; render: (row: InvoiceRow) => ReactNode } }) {
  const t = useTranslations("billing");
  const common = useTranslations("common");
  const locale = useLocale();
  // On a phone: number, total, balance and status; the customer and due date go under the number.
  const secondary = "hidden md:table-cell";
  const headers = [
    t("number"),
    ...(showCustomer ? [{ label: t("customer"), className: secondary }] : []),
    { label: t("issueDate"), className: secondary },
    { label: t("dueDate"), className: secondary },
    { label: t("total"), className: "text-right" },
    { label: t("balance"), className: "text-right" },
    t("status"),
    ...(rowAction ? [{ label: rowAction.label, className: secondary }] : []),
  ];
  return (
    <Table headers={headers} empty={rows.length === 0 ? common("noResults") : undefined}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="invoice-row">
          <Td>
            <Link href={`${hrefBase}/${r.id}`} className="whitespace-nowrap tabular-nums">
              {r.number ?? t("draftNumber")}
            </Link>
            <span className="block text-xs text-slate-500 md:hidden">
              {showCustomer && r.customerName ? <span className="block">{r.customerName}</span> : null}
              {r.dueDate ? (
                <span className="block">
                  {t("dueDate")} <span className="whitespace-nowrap tabular-nums">{fmtDate(r.dueDate, locale)}</span>
                </span>
              ) : null}
            </span>
          </Td>
          {showCustomer ? <Td className={secondary}>{r.customerName}</Td> : null}
          <Td className={`${secondary} whitespace-nowrap tabular-nums`}>{fmtDate(r.issueDate, locale)}</Td>
          <Td className={`${secondary} whitespace-nowrap tabular-nums`}>{fmtDate(r.dueDate, locale)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(r.grossMinor, r.currency, locale)}</Td>
          {/* A draft owes nothing yet: no "0,00 €" that reads as settled. */}
          <Td className="whitespace-nowrap text-right tabular-nums">{r.status === "DRAFT" ? "—" : fmtMoney(r.balanceMinor, r.currency, locale)}</Td>
          <Td className="whitespace-nowrap">
            <InvoiceStatusBadge status={r.status} overdue={isPastDue(r.status, r.dueDate, today, r.balanceMinor)} />
          </Td>
          {rowAction ? <Td className={`${secondary} text-right`}>{rowAction.render(r)}</Td> : null}
        </tr>
      ))}
    </Table>
  );
}
