import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CursorNav, FilteredEmpty, FilterForm } from "@/components/lists/ListControls";
import { Card, Table, Td } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest } from "@/contracts/list-cursor";
import { ZAuditListQuery } from "@/contracts/staff-lists";
import { AUDIT_ACTIONS, auditTargetHref, isKnownAuditAction } from "@/domain/audit/audit-actions";
import { pageLinks } from "@/domain/shared/cursor-page";
import { listAuditEvents } from "@/server/audit/audit-repository";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("ADMIN");
  const query = ZAuditListQuery.parse(searchParamsToObject(await searchParams));
  const t = await getTranslations();
  const format = await getFormatter();
  const page = await listAuditEvents(getDb(), query, pageRequest(query, PAGE_SIZE));
  const filters = { actor: query.actor, action: query.action, from: query.from, to: query.to };
  const filtered = Object.values(filters).some(Boolean);
  const actionName = (action: string) => (isKnownAuditAction(action) ? t(`auditActions.${action}`) : action);
  return (
    <Card level={1} title={t("staff.audit.title")}>
      <FilterForm
        testId="audit-filters"
        fields={[
          { kind: "text", name: "actor", type: "email", label: t("lists.actorEmail"), value: query.actor },
          {
            kind: "select",
            name: "action",
            label: t("staff.audit.action"),
            value: query.action,
            allLabel: t("lists.allActions"),
            options: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionName(a) })).sort((a, b) => a.label.localeCompare(b.label)),
          },
          { kind: "date", name: "from", label: t("lists.from"), value: query.from },
          { kind: "date", name: "to", label: t("lists.to"), value: query.to },
        ]}
      />
      {page.items.length === 0 && filtered ? (
        <FilteredEmpty clearHref="/staff/audit" />
      ) : (
        <Table headers={[t("staff.audit.at"), t("staff.audit.action"), t("staff.audit.actor"), t("staff.audit.target"), t("staff.audit.ip")]} empty={page.items.length === 0 ? t("common.noResults") : undefined}>
          {page.items.map((e) => {
            const href = auditTargetHref(e.targetType, e.targetId, e.customerId);
            const target = e.targetType ? `${t.has(`staff.audit.targets.${e.targetType}`) ? t(`staff.audit.targets.${e.targetType}` as "staff.audit.targets.invoice") : e.targetType} ${e.targetId?.slice(0, 8) ?? ""}` : "";
            return (
              <tr key={e.id} data-testid="audit-row">
                <Td className="whitespace-nowrap">
                  <time dateTime={e.at}>{format.dateTime(new Date(e.at), { dateStyle: "short", timeStyle: "medium" })}</time>
                </Td>
                <Td className="min-w-40" data-action={e.action}>{actionName(e.action)}</Td>
                <Td className="whitespace-nowrap">{e.actorEmail ?? "—"}</Td>
                <Td className="text-xs">{href && target ? <Link href={href}>{target}</Link> : target}</Td>
                <Td className="text-xs">{e.ip ?? ""}</Td>
              </tr>
            );
          })}
        </Table>
      )}
      <CursorNav links={pageLinks(page, (e) => e.id)} params={filters} />
    </Card>
  );
}
