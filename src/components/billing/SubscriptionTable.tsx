import { useLocale, useTranslations } from "next-intl";
import { Badge, Table, Td } from "@/components/ui";
import { fmtDate, fmtMoney, fmtPeriod } from "@/domain/billing/display-format";
import type { SubscriptionDto } from "@/contracts/subscription-views";

export function SubscriptionTable({ rows }: { rows: SubscriptionDto[] }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <Table
      headers={[t("subscriptions.service"), t("subscriptions.site"), t("subscriptions.status"), t("subscriptions.cycle"), t("subscriptions.currentPeriod"), t("subscriptions.nextRenewal"), t("subscriptions.price")]}
      empty={rows.length === 0 ? t("common.noResults") : undefined}
    >
      {rows.map((s) => (
        <tr key={s.id} data-testid="subscription-row">
          <Td>
            <p>{s.description}</p>
            <p className="text-xs text-slate-500">{t(`catalogue.kinds.${s.productKind}` as "catalogue.kinds.ONE_OFF")}</p>
          </Td>
          <Td>{s.siteName ?? "—"}</Td>
          <Td>
            <Badge>{t(`subscriptions.statuses.${s.status}` as "subscriptions.statuses.ACTIVE")}</Badge>
          </Td>
          <Td>{t(`cycles.${s.cycle}` as "cycles.MONTHLY")}</Td>
          <Td className="whitespace-nowrap">{fmtPeriod(s.currentPeriod, locale)}</Td>
          <Td className="whitespace-nowrap">{fmtDate(s.nextRenewal, locale)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">
            {s.quantity !== "1" ? `${s.quantity} × ` : ""}
            {fmtMoney(s.unitAmountMinor, s.currency, locale)}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
