import { useTranslations } from "next-intl";
import { formatIban } from "@/domain/settings/bank-details";
import type { TransferDetailsView } from "@/contracts/payment-views";

/**
 * How to pay by bank transfer: the provider's account from Settings → Company, and the reference to
 * write (the invoice number) so the payment finds its invoice.
 */
export function BankTransferDetails({
  details,
  reference,
  amountText,
}: {
  details: TransferDetailsView;
  reference?: string;
  amountText?: string;
}) {
  const t = useTranslations("payments.transfer");
  const rows: [string, string][] = [
    [t("beneficiary"), details.beneficiary],
    ...(details.iban ? ([[t("iban"), formatIban(details.iban)]] as [string, string][]) : []),
    ...(details.bic ? ([[t("bic"), details.bic]] as [string, string][]) : []),
    ...(details.accountNumber ? ([[t("accountNumber"), details.accountNumber]] as [string, string][]) : []),
    ...(details.routingNumber ? ([[t("routingNumber"), details.routingNumber]] as [string, string][]) : []),
    ...(amountText ? ([[t("amount"), amountText]] as [string, string][]) : []),
    ...(reference ? ([[t("reference"), reference]] as [string, string][]) : []),
  ];
  return (
    <div data-testid="transfer-details" className="text-sm">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-all font-mono">{value}</dd>
          </div>
        ))}
      </dl>
      {details.instructions ? (
        <p className="mt-2 whitespace-pre-line text-slate-600">{details.instructions}</p>
      ) : null}
      {reference ? <p className="mt-2 text-slate-600">{t("referenceHint", { reference })}</p> : null}
    </div>
  );
}
