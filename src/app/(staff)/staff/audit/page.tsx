import { getFormatter, getTranslations } from "next-intl/server";
import { Card, Table, Td } from "@/components/ui";
import { listRecentAuditEvents } from "@/server/audit/audit-repository";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";

export default async function AuditPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("staff.audit");
  const format = await getFormatter();
  const events = await listRecentAuditEvents(getDb(), { take: 200 });
  return (
    <Card level={1} title={t("title")}>
      <Table headers={[t("at"), t("action"), t("actor"), t("target"), t("ip")]}>
        {events.map((e) => (
          <tr key={e.id} data-testid="audit-row">
            <Td className="whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</Td>
            <Td className="font-mono text-xs">{e.action}</Td>
            <Td>{e.actorEmail ?? "—"}</Td>
            <Td className="text-xs">{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ""}` : ""}</Td>
            <Td className="text-xs">{e.ip ?? ""}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
