import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listOutboxEvidence } from "@/server/mail/email-evidence-repository";

export default async function OutboxPage() {
  await requireStaff("ADMIN");
  const t = await getTranslations("staff.outbox");
  const e = await getTranslations("outboxEvidence");
  const format = await getFormatter();
  // One statement: the 100 newest e-mails with their open and click evidence (ADR 0017).
  const emails = await listOutboxEvidence(getDb(), 100);
  const when = (at: Date | null) =>
    at ? format.dateTime(at, { dateStyle: "short", timeStyle: "short" }) : "—";
  const secondary = "hidden md:table-cell";
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <Table
        headers={[
          t("created"),
          t("to"),
          t("subject"),
          t("status"),
          { label: e("delivered"), className: secondary },
          { label: e("opened"), className: secondary },
          { label: e("clicked"), className: secondary },
        ]}
        empty={emails.length === 0 ? "—" : undefined}
      >
        {emails.map((m) => (
          <tr key={m.id} data-testid="outbox-row">
            <Td className="whitespace-nowrap">
              {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}
            </Td>
            <Td>{m.toAddress}</Td>
            <Td>
              <Link href={`/staff/outbox/${m.id}`}>{m.subject}</Link>
              {m.attachments.map((a) => (
                <span
                  key={a.filename}
                  className="block text-xs text-slate-500"
                  data-testid="outbox-attachment"
                >
                  📎 {a.filename}
                </span>
              ))}
            </Td>
            <Td>
              <Badge>{t(`statuses.${m.status}`)}</Badge>
            </Td>
            <Td className={`${secondary} whitespace-nowrap`}>{when(m.deliveredAt)}</Td>
            <Td className={`${secondary} whitespace-nowrap`}>{when(m.firstOpenedAt)}</Td>
            <Td className={`${secondary} whitespace-nowrap`}>{when(m.firstClickedAt)}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
