import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card, Table, Td } from "@/components/ui";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import type { InvoiceDetail } from "@/contracts/invoice-views";
import { isPastDue } from "@/domain/billing/invoice-state";
import { fmtDate, fmtMoney, fmtPeriod, fmtQuantity, fmtRate } from "@/domain/billing/display-format";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { TaxBreakdown } from "./TaxBreakdown";

/**
 * An invoice as its customer reads it: every line with its service period, the tax breakdown,
 * totals, payments and the credit notes that correct it. Shared by the portal and the back-office.
 */
export function InvoiceDocument({ invoice, today, pdfHref, creditNoteHref }: { invoice: InvoiceDetail; today: CalendarDate; pdfHref?: string; creditNoteHref: (id: string) => string }) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const m = (minor: number) => fmtMoney(minor, invoice.currency, locale);
  const draft = invoice.status === "DRAFT";
  return (
    <>
      {draft ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="draft-banner">
          {t("draftBanner")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 data-testid="invoice-number">
            {t("invoice")} {invoice.number ?? t("draftNumber")}
          </h1>
          <p className="text-sm text-slate-600">
            {t("issueDate")} {fmtDate(invoice.issueDate, locale)} · {t("dueDate")} {fmtDate(invoice.dueDate, locale)}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <InvoiceStatusBadge status={invoice.status} overdue={isPastDue(invoice.status, invoice.dueDate, today, invoice.balanceMinor)} />
          {pdfHref ? (
            <a href={pdfHref} className="text-sm" data-testid="invoice-pdf-link">
              {t("download")}
            </a>
          ) : null}
        </div>
      </div>
      {invoice.buyer ? (
        <Card title={t("buyer")}>
          <p className="text-sm">{invoice.buyer.name}</p>
          {invoice.buyer.addressLines.map((l) => (
            <p key={l} className="text-sm text-slate-600">
              {l}
            </p>
          ))}
          {invoice.buyer.taxId ? <p className="text-sm text-slate-600">{`${t("taxId")} ${invoice.buyer.taxId}`}</p> : null}
        </Card>
      ) : null}
      <Card>
        <Table headers={[t("description"), t("quantity"), t("unitPrice"), t("taxRate"), t("net")]}>
          {invoice.lines.map((l) => (
            <tr key={l.id} data-testid="invoice-line">
              <Td>
                <p>{l.description}</p>
                {l.period ? (
                  <p className="text-xs text-slate-500" data-testid="line-period">
                    {t("periodLine", { period: fmtPeriod(l.period, locale) })}
                  </p>
                ) : null}
              </Td>
              <Td className="tabular-nums">{fmtQuantity(l.quantity, locale)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{m(l.unitAmountMinor)}</Td>
              <Td className="whitespace-nowrap">{fmtRate(l.taxRateBp, locale)}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{m(l.netMinor)}</Td>
            </tr>
          ))}
        </Table>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <TaxBreakdown taxLines={invoice.taxLines} currency={invoice.currency} note={draft ? t("taxBreakdownAtIssue") : undefined} testId="invoice-tax-lines" />
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm tabular-nums">
            <dt>{t("totalNet")}</dt>
            <dd className="whitespace-nowrap text-right">{m(invoice.netMinor)}</dd>
            <dt>{t("totalTax")}</dt>
            <dd className="whitespace-nowrap text-right">{m(invoice.taxMinor)}</dd>
            <dt className="font-semibold">{draft ? t("provisionalTotal") : t("totalGross")}</dt>
            <dd className="whitespace-nowrap text-right font-semibold" data-testid="invoice-total">
              {m(invoice.grossMinor)}
            </dd>
          </dl>
          {draft ? null : (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm tabular-nums md:col-start-2">
            <dt>{t("paid")}</dt>
            <dd className="whitespace-nowrap text-right">{m(invoice.paidMinor)}</dd>
            <dt>{t("credited")}</dt>
            <dd className="whitespace-nowrap text-right">{m(invoice.creditedMinor)}</dd>
            <dt className="font-semibold">{t("amountDue")}</dt>
            <dd className="whitespace-nowrap text-right font-semibold" data-testid="invoice-balance">
              {m(invoice.balanceMinor)}
            </dd>
          </dl>
          )}
        </div>
        {invoice.notes ? <p className="mt-4 whitespace-pre-wrap text-sm text-slate-600">{invoice.notes}</p> : null}
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("payments")}>
          <Table headers={[t("receivedOn"), t("method"), t("reference"), t("amount")]} empty={invoice.payments.length === 0 ? t("noPayments") : undefined}>
            {invoice.payments.map((p) => (
              <tr key={p.id}>
                <Td>{fmtDate(p.receivedOn, locale)}</Td>
                <Td>{t(`methods.${p.method}` as "methods.CARD")}</Td>
                <Td>{p.reference}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">{m(p.amountMinor)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t("linkedCreditNotes")}>
          <Table headers={[t("number"), t("issueDate"), t("reason"), t("amount")]} empty={invoice.creditNotes.length === 0 ? t("noCreditNotes") : undefined}>
            {invoice.creditNotes.map((c) => (
              <tr key={c.id} data-testid="linked-credit-note">
                <Td>
                  <Link href={creditNoteHref(c.id)}>{c.number}</Link>
                </Td>
                <Td>{fmtDate(c.issueDate, locale)}</Td>
                <Td>{c.reason}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">{m(c.grossMinor)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </>
  );
}
