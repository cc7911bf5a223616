import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { fmtMoney } from "@/domain/billing/display-format";
import type { SuspensionNoticeDto } from "@/contracts/subscription-views";

/**
 * On every portal page while services are suspended for non-payment: which ones, and exactly what
 * to pay to restore them (each invoice, its amount, a link to it). Payment restores them at once.
 */
export function SuspendedBanner({ notice }: { notice: SuspensionNoticeDto }) {
  const t = useTranslations("portal.suspended");
  const locale = useLocale();
  return (
    <section role="alert" aria-labelledby="suspended-title" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="suspended-banner">
      <h2 id="suspended-title" className="mb-1 text-base font-semibold">
        {t("title")}
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {notice.invoices.map((i) => (
          <li key={i.invoiceId}>
            {t("line", { services: i.services.join(", "), count: i.services.length })}{" "}
            <Link href={`/portal/invoices/${i.invoiceId}`} className="font-semibold underline">
              {t("pay", { number: i.number, amount: fmtMoney(i.amountDueMinor, i.currency, locale) })}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">{t("restored")}</p>
    </section>
  );
}
