import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { InvoiceStatusBadge } from "@/components/billing/InvoiceStatusBadge";
import { Table, Td } from "@/components/ui";
import { fmtMoney } from "@/domain/billing/display-format";
import type { CheckoutPageView } from "@/contracts/payment-views";

/** What is being paid: each invoice with the amount paid on it, and the total. */
export function CheckoutSummary({ view }: { view: CheckoutPageView }) {
  const t = useTranslations("payments");
  const billing = useTranslations("billing");
  const locale = useLocale();
  const { currency } = view.checkout;
  return (
    <div data-testid="checkout-summary">
      <Table
        headers={[billing("number"), { label: t("amount"), className: "text-right" }, billing("status")]}
      >
        {view.invoices.map((i) => (
          <tr key={i.invoiceId} data-testid="checkout-invoice">
            <Td>
              <Link href={`/portal/invoices/${i.invoiceId}`} className="tabular-nums">
                {i.number}
              </Link>
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {fmtMoney(i.amountMinor, currency, locale)}
            </Td>
            <Td>
              <span data-testid="checkout-invoice-status">
                <InvoiceStatusBadge status={i.status} overdue={false} />
              </span>
            </Td>
          </tr>
        ))}
        <tr>
          <Td className="font-semibold">{t("total")}</Td>
          <Td
            className="whitespace-nowrap text-right font-semibold tabular-nums"
            data-testid="checkout-total"
          >
            {fmtMoney(view.checkout.amountMinor, currency, locale)}
          </Td>
          <Td />
        </tr>
      </Table>
    </div>
  );
}
