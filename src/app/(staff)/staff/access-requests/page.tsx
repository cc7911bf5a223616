import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, Table, Td } from "@/components/ui";
import { listPendingAccessRequests } from "@/server/access-requests/list-access-requests";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAccessRequests");
  return { title: t("title") };
}

/** Access requests waiting for a decision, with the company each one's tax ID matches. */
export default async function AccessRequestsPage() {
  await requireStaff("BILLING");
  const requests = await listPendingAccessRequests(getDb());
  const t = await getTranslations("staffAccessRequests");
  const format = await getFormatter();
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <Table
        headers={[t("company"), t("taxId"), t("contact"), { label: t("submittedAt"), className: "hidden md:table-cell" }, t("matched")]}
        empty={requests.length === 0 ? t("none") : undefined}
      >
        {requests.map((r) => (
          <tr key={r.id} data-testid="access-request-row">
            <Td>
              <Link href={`/staff/access-requests/${r.id}`}>{r.companyName}</Link>
              <div className="text-xs text-slate-500">{r.groupName}</div>
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{r.taxId}</Td>
            <Td>
              {r.contactName}
              <div className="break-all text-xs text-slate-500">{r.contactEmail}</div>
            </Td>
            <Td className="hidden md:table-cell">{r.submittedAt ? format.dateTime(new Date(r.submittedAt), { dateStyle: "medium", timeStyle: "short" }) : ""}</Td>
            <Td>{r.matchedCustomer ? <Link href={`/staff/customers/${r.matchedCustomer.id}`}>{r.matchedCustomer.legalName}</Link> : <span className="text-slate-500">{t("noMatch")}</span>}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
