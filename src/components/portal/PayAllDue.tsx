import { useLocale, useTranslations } from "next-intl";
import { fmtMoney } from "@/domain/billing/display-format";
import type { PayableGroupView } from "@/contracts/payment-views";
import { PayButton } from "./PayButton";

/** "Pay all due": one button per currency (a checkout is in one currency), with the amount on it. */
export function PayAllDue({ groups }: { groups: PayableGroupView[] }) {
  const t = useTranslations("payments");
  const locale = useLocale();
  if (groups.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2" data-testid="pay-all-due">
      {groups.map((g) => (
        <PayButton
          key={g.currency}
          invoiceIds={g.invoiceIds}
          label={t("payAllDue", { amount: fmtMoney(g.totalMinor, g.currency, locale) })}
          testId={`pay-all-due-${g.currency}`}
        />
      ))}
    </div>
  );
}
