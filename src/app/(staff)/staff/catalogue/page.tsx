import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProductForm } from "@/components/staff/ProductForm";
import { Card, Table, Td } from "@/components/ui";
import { staffMayAct } from "@/domain/auth/roles";
import { fmtMoney, fmtRate } from "@/domain/billing/display-format";
import { requireStaff } from "@/server/auth/guards";
import { listProducts } from "@/server/catalogue/catalogue-repository";
import { getDb } from "@/server/db/client";

export default async function CataloguePage() {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const products = await listProducts(getDb(), { activeOnly: false });
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <Card level={1} title={t("catalogue.title")}>
      {staffMayAct(staff.staffRoles, ["BILLING"]) ? <ProductForm /> : null}
      {/* On a phone: code, product and prices; the kind and tax rate go under the product. */}
      <Table headers={[t("catalogue.code"), t("catalogue.name"), { label: t("catalogue.kind"), className: "hidden md:table-cell" }, { label: t("billing.taxRate"), className: "hidden md:table-cell" }, t("catalogue.prices")]}>
        {products.map((p) => (
          <tr key={p.id} data-testid="product-row">
            <Td className="whitespace-nowrap font-mono text-xs">{p.code}</Td>
            <Td>
              {p.name}
              {p.kind === "SUPPORT_HOUR_BANK" ? (
                <>
                  {" · "}
                  <Link href={`/staff/catalogue/${p.id}`} className="underline" data-testid="bank-tiers-link">
                    {t("supportBanks.tiers.link")}
                  </Link>
                </>
              ) : null}
              <span className="block text-xs text-slate-500 md:hidden">
                {t(`catalogue.kinds.${p.kind}` as "catalogue.kinds.ONE_OFF")} · {fmtRate(p.taxRateBp, locale)}
              </span>
            </Td>
            <Td className="hidden md:table-cell">{t(`catalogue.kinds.${p.kind}` as "catalogue.kinds.ONE_OFF")}</Td>
            <Td className="hidden whitespace-nowrap md:table-cell">{fmtRate(p.taxRateBp, locale)}</Td>
            <Td>
              {p.prices.map((pr) => (
                <p key={`${pr.cycle}-${pr.currency}`} className="whitespace-nowrap text-sm">
                  {pr.cycle ? t(`cycles.${pr.cycle}` as "cycles.MONTHLY") : t("orders.oneOff")} · {fmtMoney(pr.unitAmountMinor, pr.currency, locale)}
                </p>
              ))}
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
