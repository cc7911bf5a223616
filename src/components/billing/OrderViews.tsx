import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge, Card, Table, Td } from "@/components/ui";
import { fmtMoney, fmtQuantity, fmtRate } from "@/domain/billing/display-format";
import type { PurchaseOrderDto } from "@/server/orders/purchase-order-repository";

type Viewer = "customer" | "staff";

/** Staff read a sent order as waiting on the customer; the customer reads it as waiting on them. */
function useStatusLabel(viewer: Viewer) {
  const t = useTranslations("orders");
  return (status: string) => (viewer === "staff" && status === "SENT" ? t("sentAwaitingCustomer") : t(`statuses.${status}` as "statuses.SENT"));
}

export function OrderTable({ rows, hrefBase, viewer }: { rows: PurchaseOrderDto[]; hrefBase: string; viewer: Viewer }) {
  const t = useTranslations();
  const statusLabel = useStatusLabel(viewer);
  const format = useLocale();
  return (
    <Table headers={[t("orders.number"), t("orders.date"), t("orders.status"), { label: t("orders.total"), className: "text-right" }]} empty={rows.length === 0 ? t("common.noResults") : undefined}>
      {rows.map((o) => (
        <tr key={o.id} data-testid="order-row">
          <Td>
            <Link href={`${hrefBase}/${o.id}`} className="whitespace-nowrap tabular-nums">
              {o.number}
            </Link>
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{new Intl.DateTimeFormat(format, { dateStyle: "medium" }).format(o.createdAt)}</Td>
          <Td>
            <Badge>{statusLabel(o.status)}</Badge>
          </Td>
          <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(o.totalNetMinor, o.currency, format)}</Td>
        </tr>
      ))}
    </Table>
  );
}

export function OrderDocument({ order, invoiceHref, viewer }: { order: PurchaseOrderDto; invoiceHref: string | null; viewer: Viewer }) {
  const t = useTranslations();
  const statusLabel = useStatusLabel(viewer);
  const locale = useLocale();
  return (
    <Card>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 data-testid="order-number">
          {t("orders.order")} {order.number}
        </h1>
        <span data-testid="order-status">
          <Badge>{statusLabel(order.status)}</Badge>
        </span>
      </div>
      <Table headers={[t("billing.description"), t("orders.cycle"), t("billing.quantity"), t("billing.unitPrice"), t("billing.taxRate"), t("billing.net")]}>
        {order.lines.map((l) => (
          <tr key={l.id} data-testid="order-line">
            <Td>{l.description}</Td>
            <Td>{l.cycle ? t(`cycles.${l.cycle}` as "cycles.MONTHLY") : t("orders.oneOff")}</Td>
            <Td>{fmtQuantity(l.quantity, locale)}</Td>
            <Td className="whitespace-nowrap tabular-nums">{fmtMoney(l.unitAmountMinor, order.currency, locale)}</Td>
            <Td>{fmtRate(l.taxRateBp, locale)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{fmtMoney(l.netMinor, order.currency, locale)}</Td>
          </tr>
        ))}
      </Table>
      <p className="mt-4 text-right font-semibold tabular-nums">
        {t("orders.total")} : {fmtMoney(order.totalNetMinor, order.currency, locale)}
      </p>
      {order.notes ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-600">{order.notes}</p> : null}
      {invoiceHref ? (
        <p className="mt-2 text-sm">
          <Link href={invoiceHref} data-testid="order-invoice-link">
            {t("orders.invoice")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
