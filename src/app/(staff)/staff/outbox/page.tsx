import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listOutbox } from "@/server/mail/outbox-repository";

export default async function OutboxPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("staff.outbox");
  const format = await getFormatter();
  const emails = await listOutbox(getDb(), 100);
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <Table headers={[t("created"), t("to"), t("subject"), t("status")]} empty={emails.length === 0 ? "—" : undefined}>
        {emails.map((m) => (
          <tr key={m.id} data-testid="outbox-row">
            <Td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</Td>
            <Td>{m.toAddress}</Td>
            <Td>
              <Link href={`/staff/outbox/${m.id}`}>{m.subject}</Link>
            </Td>
            <Td>
              <Badge>{t(`statuses.${m.status}`)}</Badge>
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
