import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card, Table, Td } from "@/components/ui";
import type { CreditNoteDetail } from "@/contracts/credit-note-views";
import type { CreditNoteListItemDto } from "@/contracts/staff-lists";
import { fmtDate, fmtMoney, fmtPeriod, fmtRate } from "@/domain/billing/display-format";
import { TaxBreakdown } from "./TaxBreakdown";

export function CreditNoteTable({ rows, hrefBase, invoiceHrefBase, showCustomer = false }: { rows: CreditNoteListItemDto[]; hrefBase: string; invoiceHrefBase: string; showCustomer?: boolean }) {
  const t = useTranslations("billing");
  const common = useTranslations("common");
  const locale = useLocale();
  const secondary = "hidden md:table-cell"; // on a phone: number, date and amount
  const headers = [t("number"), ...(showCustomer ? [{ label: t("customer"), className: secondary }] : []), t("issueDate"), { label: t("correctsInvoice"), className: secondary }, { label: t("reason"), className: secondary }, { label: t("amount"), className: "text-right" }];
  return (
    <Table headers={headers} empty={rows.length === 0 ? common("noResults") : undefined}>
      {rows.map((c) => (
        <tr key={c.id} data-testid="credit-note-row">
          <Td>
            <Link href={`${hrefBase}/${c.id}`} className="whitespace-nowrap tabular-nums">
              {c.number}
            </Link>
          </Td>
          {showCustomer ? <Td className={secondary}>{c.customerName}</Td> : null}
          <Td className="whitespace-nowrap tabular-nums">{fmtDate(c.issueDate, locale)}</Td>
          <Td className={`${secondary} whitespace-nowrap tabular-nums`}>
            <Link href={`${invoiceHrefBase}/${c.invoice.id}`}>{c.invoice.number}</Link>
          </Td>
          <Td className={secondary}>{c.reason}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(c.grossMinor, c.currency, locale)}</Td>
        </tr>
      ))}
    </Table>
  );
}

export function CreditNoteDocument({ note, invoiceHref, pdfHref }: { note: CreditNoteDetail; invoiceHref: string; pdfHref?: string }) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const m = (minor: number) => fmtMoney(minor, note.currency, locale);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 data-testid="credit-note-number">
            {t("creditNote")} {note.number}
          </h1>
          <p className="text-sm text-slate-600">
            {t("issueDate")} {fmtDate(note.issueDate, locale)} · {t("correctsInvoice")} <Link href={invoiceHref}>{note.invoice.number}</Link>
          </p>
          <p className="text-sm text-slate-600">{`${t("reason")} — ${note.reason}`}</p>
        </div>
        {pdfHref ? <a href={pdfHref} className="text-sm">{t("download")}</a> : null}
      </div>
      <Card>
        <Table headers={[t("description"), t("taxRate"), t("net")]}>
          {note.lines.map((l) => (
            <tr key={l.id}>
              <Td>
                <p>{l.description}</p>
                {l.period ? <p className="text-xs text-slate-500">{t("periodLine", { period: fmtPeriod(l.period, locale) })}</p> : null}
              </Td>
              <Td>{fmtRate(l.taxRateBp, locale)}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{m(l.netMinor)}</Td>
            </tr>
          ))}
        </Table>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <TaxBreakdown taxLines={note.taxLines} currency={note.currency} testId="credit-note-tax-lines" />
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm tabular-nums">
            <dt>{t("totalNet")}</dt>
            <dd className="whitespace-nowrap text-right">{m(note.netMinor)}</dd>
            <dt>{t("totalTax")}</dt>
            <dd className="whitespace-nowrap text-right">{m(note.taxMinor)}</dd>
            <dt className="font-semibold">{t("totalGross")}</dt>
            <dd className="whitespace-nowrap text-right font-semibold">{m(note.grossMinor)}</dd>
          </dl>
        </div>
      </Card>
    </>
  );
}
