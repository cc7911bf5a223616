import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateGroupForm } from "@/components/staff/CustomerGroupForms";
import { Card, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { listGroups } from "@/server/customer-groups/customer-group-repository";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("title") };
}

/** Customer groups: each has its own billing rules; a customer without a group follows the defaults. */
export default async function CustomerGroupsPage() {
  await requireStaff("BILLING");
  const groups = await listGroups(getDb());
  const t = await getTranslations("groups");
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("title")}>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        {groups.length === 0 ? (
          <p className="px-2 py-4 text-sm text-slate-500">{t("none")}</p>
        ) : (
          <Table headers={[t("name"), { label: t("customers"), className: "text-right" }, t("renewal")]}>
            {groups.map((g) => (
              <tr key={g.id} data-testid="group-row">
                <Td>
                  <Link href={`/staff/groups/${g.id}`}>{g.name}</Link>
                </Td>
                <Td className="text-right tabular-nums">{g.customerCount}</Td>
                <Td>{g.policy.renewalLeadDays === 0 ? t("onRenewalDay") : t("daysBefore", { days: g.policy.renewalLeadDays })}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title={t("new")}>
        <CreateGroupForm />
      </Card>
    </div>
  );
}
