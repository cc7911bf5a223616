import { getTranslations } from "next-intl/server";
import { Card, Table, Td } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { listSites } from "@/server/customers/customer-repository";
import { getDb } from "@/server/db/client";

export default async function PortalSitesPage() {
  const user = await requireCustomer();
  const sites = await listSites(getDb(), user.customerId);
  const t = await getTranslations("sites");
  return (
    <Card level={1} title={t("title")}>
      <Table headers={[t("name"), t("address")]} empty={sites.length === 0 ? t("none") : undefined}>
        {sites.map((s) => (
          <tr key={s.id} data-testid="site-row">
            <Td>{s.name}</Td>
            <Td>{s.addressLines.join(", ")}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
