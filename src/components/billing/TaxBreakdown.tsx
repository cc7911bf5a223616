import { useLocale, useTranslations } from "next-intl";
import type { TaxLineDto } from "@/contracts/billing-views";
import { fmtMoney, fmtRate } from "@/domain/billing/display-format";

/**
 * The tax per rate of an invoice, credit note or order (EN 16931 BR-CO-17): one row per rate with
 * its taxable amount and its tax, under the same column names as the PDF. The rate heads its row.
 */
export function TaxBreakdown({
  taxLines,
  currency,
  note,
  testId,
}: {
  taxLines: TaxLineDto[];
  currency: string;
  note?: string;
  testId?: string;
}) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const m = (minor: number) => fmtMoney(minor, currency, locale);
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold">{t("taxBreakdown")}</h3>
      {note ? <p className="text-sm text-slate-500">{note}</p> : null}
      {taxLines.length > 0 ? (
        <table className="w-full text-left text-sm tabular-nums" data-testid={testId}>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                {t("taxRate")}
              </th>
              <th scope="col" className="py-1 pr-4 text-right font-medium">
                {t("pdf.taxBase")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("pdf.taxAmount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {taxLines.map((g) => (
              <tr key={g.taxRateBp} data-testid="tax-line">
                <th scope="row" className="whitespace-nowrap py-0.5 pr-4 font-normal">
                  {fmtRate(g.taxRateBp, locale)}
                </th>
                <td className="whitespace-nowrap py-0.5 pr-4 text-right">{m(g.netMinor)}</td>
                <td className="whitespace-nowrap py-0.5 text-right">{m(g.taxMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
