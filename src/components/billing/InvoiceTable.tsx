import Link from "next/link";
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
export function InvoiceTable({ rows, hrefBase, today, showCustomer = false }: { rows: InvoiceRow[]; hrefBase: string; today: CalendarDate; showCustomer?: boolean }) {
  const t = useTranslations("billing");
  const common = useTranslations("common");
  const locale = useLocale();
  const headers = [t("number"), ...(showCustomer ? [t("customer")] : []), t("issueDate"), t("dueDate"), t("total"), t("balance"), t("status")];
  return (
    <Table headers={headers} empty={rows.length === 0 ? common("noResults") : undefined}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="invoice-row">
          <Td>
            <Link href={`${hrefBase}/${r.id}`}>{r.number ?? t("draftNumber")}</Link>
          </Td>
          {showCustomer ? <Td>{r.customerName}</Td> : null}
          <Td className="whitespace-nowrap">{fmtDate(r.issueDate, locale)}</Td>
          <Td className="whitespace-nowrap">{fmtDate(r.dueDate, locale)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(r.grossMinor, r.currency, locale)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(r.balanceMinor, r.currency, locale)}</Td>
          <Td>
            <InvoiceStatusBadge status={r.status} overdue={isPastDue(r.status, r.dueDate, today, r.balanceMinor)} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
