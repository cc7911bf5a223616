import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, Card, Table, Td } from "@/components/ui";
import { fmtDate, fmtMoney, fmtQuantity, fmtRate } from "@/domain/billing/display-format";
import { TaxBreakdown } from "./TaxBreakdown";
import type { PurchaseOrderDto } from "@/contracts/order-views";
import { dateTimeFormat } from "@/domain/shared/intl-formats";

type Viewer = "customer" | "staff";

/** Staff read a sent order as waiting on the customer; the customer reads it as waiting on them. */
function useStatusLabel(viewer: Viewer) {
  const t = useTranslations("orders");
  return (status: string) => (viewer === "staff" && status === "SENT" ? t("sentAwaitingCustomer") : t(`statuses.${status}` as "statuses.SENT"));
}

/** On a phone: number, status and total; the date goes under the number. */
export function OrderTable({ rows, hrefBase, viewer }: { rows: PurchaseOrderDto[]; hrefBase: string; viewer: Viewer }) {
  const t = useTranslations();
  const statusLabel = useStatusLabel(viewer);
  const format = useLocale();
  const secondary = "hidden md:table-cell";
  const dateOf = (d: Date) => dateTimeFormat(format, { dateStyle: "medium" }).format(d);
  return (
    <Table headers={[t("orders.number"), { label: t("orders.date"), className: secondary }, t("orders.status"), { label: t("orders.total"), className: "text-right" }]} empty={rows.length === 0 ? t("common.noResults") : undefined}>
      {rows.map((o) => (
        <tr key={o.id} data-testid="order-row">
          <Td>
            <Link href={`${hrefBase}/${o.id}`} className="whitespace-nowrap tabular-nums">
              {o.number}
            </Link>
            <span className="block whitespace-nowrap text-xs tabular-nums text-slate-500 md:hidden">{dateOf(o.createdAt)}</span>
          </Td>
          <Td className={`${secondary} whitespace-nowrap tabular-nums`}>{dateOf(o.createdAt)}</Td>
          <Td>
            <Badge>{statusLabel(o.status)}</Badge>
          </Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(o.totalNetMinor, o.currency, format)}</Td>
        </tr>
      ))}
    </Table>
  );
}

/**
 * An order as the customer reads it before answering: its lines, the tax per rate and the total
 * including tax, until when it can be accepted, the terms, and once decided what came of it.
 */
export function OrderDocument({
  order,
  invoiceHref,
  pdfHref,
  viewer,
  paymentTermsDays,
  expired = false,
}: {
  order: PurchaseOrderDto;
  invoiceHref: string | null;
  pdfHref: string;
  viewer: Viewer;
  paymentTermsDays: number;
  /** Past its validity: the page explains it above, the terms no longer offer it. */
  expired?: boolean;
}) {
  const t = useTranslations();
  const statusLabel = useStatusLabel(viewer);
  const locale = useLocale();
  const m = (minor: number) => fmtMoney(minor, order.currency, locale);
  const dateOf = (d: Date) => dateTimeFormat(locale, { dateStyle: "medium" }).format(d);
  return (
    <Card>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 data-testid="order-number">
            {t("orders.order")} {order.number}
          </h1>
          {order.sentAt ? (
            <p className="text-sm text-slate-600">
              {t("orders.sentOn")} {dateOf(order.sentAt)} · {t("orders.validUntil")} <span data-testid="order-valid-until">{fmtDate(order.validUntil, locale)}</span>
            </p>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <span data-testid="order-status">
            <Badge>{statusLabel(order.status)}</Badge>
          </span>
          <a href={pdfHref} className="text-sm" data-testid="order-pdf-link">
            {t("orders.downloadPdf")}
          </a>
        </div>
      </div>
      <Table headers={[t("billing.description"), t("orders.cycle"), t("billing.quantity"), t("billing.unitPrice"), t("billing.taxRate"), t("billing.net")]}>
        {order.lines.map((l) => (
          <tr key={l.id} data-testid="order-line">
            <Td>{l.description}</Td>
            <Td>{l.cycle ? t(`cycles.${l.cycle}` as "cycles.MONTHLY") : t("orders.oneOff")}</Td>
            <Td className="tabular-nums">{fmtQuantity(l.quantity, locale)}</Td>
            <Td className="whitespace-nowrap tabular-nums">{m(l.unitAmountMinor)}</Td>
            <Td className="whitespace-nowrap">{fmtRate(l.taxRateBp, locale)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{m(l.netMinor)}</Td>
          </tr>
        ))}
      </Table>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <TaxBreakdown taxLines={order.taxLines} currency={order.currency} testId="order-tax-lines" />
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm tabular-nums">
          <dt>{t("billing.totalNet")}</dt>
          <dd className="text-right">{m(order.totalNetMinor)}</dd>
          <dt>{t("billing.totalTax")}</dt>
          <dd className="text-right" data-testid="order-tax">
            {m(order.totalTaxMinor)}
          </dd>
          <dt className="font-semibold">{t("billing.totalGross")}</dt>
          <dd className="text-right font-semibold" data-testid="order-total">
            {m(order.totalGrossMinor)}
          </dd>
        </dl>
      </div>
      <div className="mt-6 border-t border-slate-200 pt-4 text-sm" data-testid="order-terms">
        <h3 className="mb-1 font-semibold">{t("orders.terms")}</h3>
        {order.validUntil && order.status === "SENT" && !expired ? <p>{t("orders.validityTerm", { date: fmtDate(order.validUntil, locale) })}</p> : null}
        <p>{paymentTermsDays > 0 ? t("orders.paymentTerms", { days: paymentTermsDays }) : t("orders.paymentTermsOnReceipt")}</p>
        {order.notes ? <p className="mt-2 whitespace-pre-wrap text-slate-600">{order.notes}</p> : null}
      </div>
      {order.decidedAt && order.status === "ACCEPTED" ? (
        <p className="mt-4 text-sm" data-testid="order-decided">
          {t("orders.acceptedOn", { date: dateOf(order.decidedAt) })}{" "}
          {invoiceHref && order.invoiceNumber ? (
            <Link href={invoiceHref} data-testid="order-invoice-link">
              {t("orders.firstInvoice", { invoice: order.invoiceNumber })}
            </Link>
          ) : null}
        </p>
      ) : null}
      {order.decidedAt && order.status === "DECLINED" ? (
        <div className="mt-4 text-sm" data-testid="order-decided">
          <p>{t("orders.declinedOn", { date: dateOf(order.decidedAt) })}</p>
          {order.declineReason ? (
            <>
              <p className="mt-2 font-semibold">{t("orders.declineReason")}</p>
              <p className="whitespace-pre-wrap" data-testid="order-decline-reason">
                {order.declineReason}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
