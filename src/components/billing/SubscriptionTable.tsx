import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge, Table, Td } from "@/components/ui";
import { fmtDate, fmtMoney, fmtPeriod } from "@/domain/billing/display-format";
import type { SubscriptionDto } from "@/contracts/subscription-views";

/** On a phone: service, status and price; the site, cycle, period and next renewal go under the service. */
/** `href` makes each service a link (the back-office's subscription page). */
export function SubscriptionTable({ rows, href }: { rows: SubscriptionDto[]; href?: (subscriptionId: string) => string }) {
  const t = useTranslations();
  const locale = useLocale();
  const secondary = "hidden md:table-cell";
  const headers = [
    t("subscriptions.service"),
    { label: t("subscriptions.site"), className: secondary },
    t("subscriptions.status"),
    { label: t("subscriptions.cycle"), className: secondary },
    { label: t("subscriptions.currentPeriod"), className: secondary },
    { label: t("subscriptions.nextRenewal"), className: secondary },
    { label: t("subscriptions.price"), className: "text-right" },
  ];
  return (
    <Table headers={headers} empty={rows.length === 0 ? t("common.noResults") : undefined}>
      {rows.map((s) => (
        <tr key={s.id} data-testid="subscription-row">
          <Td>
            <p>{href ? <Link href={href(s.id)}>{s.description}</Link> : s.description}</p>
            <p className="text-xs text-slate-500">{t(`catalogue.kinds.${s.productKind}` as "catalogue.kinds.ONE_OFF")}</p>
            <span className="block text-xs text-slate-500 md:hidden">
              {s.siteName ? <span className="block">{s.siteName}</span> : null}
              <span className="block">
                {t(`cycles.${s.cycle}` as "cycles.MONTHLY")} · <span className="whitespace-nowrap tabular-nums">{fmtPeriod(s.currentPeriod, locale)}</span>
              </span>
              <span className="block">
                {t("subscriptions.nextRenewal")} <span className="whitespace-nowrap tabular-nums">{fmtDate(s.nextRenewal, locale)}</span>
              </span>
            </span>
          </Td>
          <Td className={secondary}>{s.siteName ?? "—"}</Td>
          <Td>
            <Badge>{t(`subscriptions.statuses.${s.status}` as "subscriptions.statuses.ACTIVE")}</Badge>
          </Td>
          <Td className={secondary}>{t(`cycles.${s.cycle}` as "cycles.MONTHLY")}</Td>
          <Td className={`${secondary} whitespace-nowrap tabular-nums`}>{fmtPeriod(s.currentPeriod, locale)}</Td>
          <Td className={`${secondary} whitespace-nowrap tabular-nums`}>{fmtDate(s.nextRenewal, locale)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">
            {s.quantity !== "1" ? `${s.quantity} × ` : ""}
            {fmtMoney(s.unitAmountMinor, s.currency, locale)}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
