import { useLocale, useTranslations } from "next-intl";
import { Badge, Table, Td } from "@/components/ui";
import type { SiteWithSubscriptionsDto } from "@/contracts/self-service";
import { fmtDate } from "@/domain/billing/display-format";

/** One section per site (its address, then its subscriptions), and last those attached to no site. */
export function SiteSubscriptions({ groups }: { groups: SiteWithSubscriptionsDto[] }) {
  const t = useTranslations();
  const locale = useLocale();
  if (groups.length === 0) return <p className="text-sm text-slate-600">{t("sites.none")}</p>;
  return (
    <div className="flex flex-col gap-6">
      {groups.map((g) => (
        <section key={g.site?.id ?? "none"} data-testid="site-group" aria-labelledby={`site-${g.site?.id ?? "none"}`} className="flex flex-col gap-2">
          <div>
            <h2 id={`site-${g.site?.id ?? "none"}`} className="text-base">
              {g.site ? g.site.name : t("sites.unattached")}
            </h2>
            {g.site ? <p className="text-sm text-slate-600">{g.site.addressLines.join(", ")}</p> : null}
          </div>
          <Table
            headers={[t("subscriptions.service"), t("subscriptions.status"), t("subscriptions.nextRenewal")]}
            empty={g.subscriptions.length === 0 ? t("sites.noSubscriptions") : undefined}
          >
            {g.subscriptions.map((s) => (
              <tr key={s.id} data-testid="site-subscription">
                <Td>{s.description}</Td>
                <Td>
                  <Badge>{t(`subscriptions.statuses.${s.status}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{s.nextRenewal ? fmtDate(s.nextRenewal, locale) : "—"}</Td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </div>
  );
}
