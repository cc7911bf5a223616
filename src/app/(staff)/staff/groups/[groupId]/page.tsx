import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { GroupBillingForm } from "@/components/staff/CustomerGroupForms";
import { GroupMembers, RenameGroupForm } from "@/components/staff/GroupMembers";
import { PolicySchedule } from "@/components/staff/PolicySchedule";
import { PortalRulesForm } from "@/components/staff/PortalRulesForm";
import { TermsPanel } from "@/components/staff/TermsPanel";
import { Card } from "@/components/ui";
import { ZSearchText } from "@/contracts/text";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { appUrl } from "@/server/config";
import { findGroup } from "@/server/customer-groups/customer-group-repository";
import { getPortalRules } from "@/server/customer-groups/get-portal-rules";
import { listGroupCustomers, searchCustomersOutsideGroup } from "@/server/customer-groups/group-members-repository";
import { listTermsAcceptances, listTermsVersions } from "@/server/customer-groups/terms-repository";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("groupTitle") };
}

const TABS = ["billing", "portal", "customers"] as const;
const ZGroupQuery = z.object({
  tab: z.enum(TABS).catch("billing"),
  q: ZSearchText(100).optional().catch(undefined),
});

/**
 * A customer group's page: its Billing tab sets when renewals are invoiced and how unpaid ones are
 * chased; its Portal tab whether its customers use the portal and on which rules; its Customers tab
 * who belongs to it. The tab lives in the URL (?tab=), so a link can point at one.
 */
export default async function CustomerGroupPage({ params, searchParams }: { params: Promise<{ groupId: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const staff = await requireStaff("BILLING");
  const { groupId } = await params;
  if (!UUID_RE.test(groupId)) notFound();
  const { tab, q } = ZGroupQuery.parse(await searchParams);
  const db = getDb();
  const group = await findGroup(db, groupId);
  if (!group) notFound();
  const t = await getTranslations("groups");
  const tabLabel = { billing: t("billingTab"), portal: t("portalTab"), customers: t("customersTab") };
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={group.name} actions={<span className="text-sm text-slate-600">{t("customerCount", { count: group.customerCount })}</span>}>
        <RenameGroupForm groupId={group.id} name={group.name} />
        <nav aria-label={t("tabs")} className="my-4 flex flex-wrap border-b border-slate-200">
          {TABS.map((name) =>
            name === tab ? (
              <span key={name} aria-current="page" className="inline-block border-b-2 border-indigo-600 px-3 py-2 text-sm font-medium text-indigo-700">
                {tabLabel[name]}
              </span>
            ) : (
              <Link key={name} href={`/staff/groups/${group.id}?tab=${name}`} className="inline-block px-3 py-2 text-sm text-slate-700 no-underline hover:text-indigo-700">
                {tabLabel[name]}
              </Link>
            ),
          )}
        </nav>
        {tab === "billing" ? (
          <>
            <h2 className="mb-2">{t("scheduleTitle")}</h2>
            <PolicySchedule policy={group.policy} />
          </>
        ) : null}
        <p className="mt-4">
          <Link href="/staff/groups">{t("allGroups")}</Link>
        </p>
      </Card>
      {tab === "billing" ? (
        <Card title={t("billingTab")}>
          <GroupBillingForm groupId={group.id} policy={group.policy} manualStatusChanges={group.manualStatusChanges} isAdmin={staff.staffRoles.includes("ADMIN")} />
        </Card>
      ) : null}
      {tab === "portal" ? <PortalTab groupId={group.id} /> : null}
      {tab === "customers" ? (
        <Card title={t("customersTab")}>
          <GroupMembers
            groupId={group.id}
            groupName={group.name}
            members={await listGroupCustomers(db, group.id)}
            query={q ?? ""}
            candidates={q ? await searchCustomersOutsideGroup(db, group.id, q) : null}
          />
        </Card>
      ) : null}
    </div>
  );
}

async function PortalTab({ groupId }: { groupId: string }) {
  const db = getDb();
  const rules = await getPortalRules(db, groupId);
  if (!rules) notFound();
  const t = await getTranslations("groups");
  return (
    <>
      <Card title={t("portalTab")}>
        <PortalRulesForm rules={rules} accessBaseUrl={appUrl()} />
      </Card>
      {rules.portalEnabled ? (
        <Card title={t("terms.title")}>
          <TermsPanel groupId={groupId} versions={await listTermsVersions(db, groupId)} acceptances={await listTermsAcceptances(db, groupId)} />
        </Card>
      ) : null}
    </>
  );
}
