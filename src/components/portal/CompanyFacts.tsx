import { useTranslations } from "next-intl";
import type { CompanyInfoDto } from "@/contracts/self-service";

/**
 * What the company's users read but do not edit here: the legal name and tax ID (billing staff keep
 * them, they are on every invoice), and for members the address and phone too.
 */
export function CompanyFacts({ company, showAddress }: { company: CompanyInfoDto; showAddress: boolean }) {
  const t = useTranslations("selfService.company");
  const address = [company.addressLine1, company.addressLine2, `${company.postalCode} ${company.city}`.trim(), company.country].filter(Boolean).join(", ");
  const rows: [string, string][] = [
    [t("legalName"), company.legalName],
    [t("taxId"), company.taxId ?? "—"],
    ...(showAddress ? ([[t("address"), address || "—"], [t("phone"), company.phone || "—"]] as [string, string][]) : []),
  ];
  return (
    <div className="flex flex-col gap-1">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="company-facts">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{t("staffOnly")}</p>
    </div>
  );
}
