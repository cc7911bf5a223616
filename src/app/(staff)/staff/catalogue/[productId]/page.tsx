import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { HourBankTiersForm } from "@/components/support/HourBankTiersForm";
import { Card, Table, Td } from "@/components/ui";
import { staffMayAct } from "@/domain/auth/roles";
import { fmtMoney } from "@/domain/billing/display-format";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getBankProductTiers } from "@/server/support/banks/support-form-choices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportBanks.tiers");
  return { title: t("link") };
}

/** An hour-bank product's volume tiers per currency: read by all staff, changed by billing staff. */
export default async function BankProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const staff = await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).productId);
  if (!id.success) notFound();
  const product = await getBankProductTiers(getDb(), id.data);
  if (!product) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const priced = product.currencies.filter((c) => c.tiers.length > 0);
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("supportBanks.tiers.title", { name: product.name })}>
        <p className="mb-3 text-sm text-slate-600">{t("supportBanks.tiers.intro")}</p>
        <p className="mb-3 text-sm">
          <Link href="/staff/catalogue">{t("catalogue.title")}</Link>
        </p>
        <Table headers={[t("supportBanks.tiers.currency"), t("supportBanks.tiers.fromHours"), t("supportBanks.tiers.rate")]} empty={priced.length === 0 ? t("supportBanks.tiers.none") : undefined}>
          {priced.flatMap((c) =>
            c.tiers.map((tier) => (
              <tr key={`${c.currency}-${tier.fromHours}`} data-testid="tier-line">
                <Td>{c.currency}</Td>
                <Td>{tier.fromHours} h</Td>
                <Td>{fmtMoney(tier.rateMinor, c.currency, locale)}</Td>
              </tr>
            )),
          )}
        </Table>
      </Card>
      {staffMayAct(staff.staffRoles, ["BILLING"]) ? (
        <Card title={t("supportBanks.tiers.link")}>
          <HourBankTiersForm productId={product.id} currencies={product.currencies} />
        </Card>
      ) : null}
    </div>
  );
}
