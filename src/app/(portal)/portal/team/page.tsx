import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, Table, Td } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listCompanyUsers } from "@/server/users/user-repository";

export default async function TeamPage() {
  const user = await requireCustomer();
  const t = await getTranslations();
  const format = await getFormatter();
  const people = await listCompanyUsers(getDb(), user.customerId);
  return (
    <Card level={1} title={t("portal.team.title")}>
      <p className="mb-4 text-sm text-slate-600">{t("portal.team.intro", { companyName: user.customerName })}</p>
      <Table headers={[t("portal.team.name"), t("portal.team.email"), t("portal.team.role"), { label: t("portal.team.since"), className: "hidden md:table-cell" }]}>
        {people.map((p) => (
          <tr key={p.id}>
            <Td>
              <Link href={`/portal/team/${p.id}`}>{p.name}</Link>
            </Td>
            <Td>{p.email}</Td>
            <Td>{t(`common.roles.${p.role}`)}</Td>
            <Td className="hidden whitespace-nowrap md:table-cell">{format.dateTime(p.createdAt, { dateStyle: "medium" })}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
