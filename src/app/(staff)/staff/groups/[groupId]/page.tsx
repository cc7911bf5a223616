import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GroupBillingForm } from "@/components/staff/CustomerGroupForms";
import { PolicySchedule } from "@/components/staff/PolicySchedule";
import { Card } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { findGroup } from "@/server/customer-groups/customer-group-repository";
import { getDb } from "@/server/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("groupTitle") };
}

/** A customer group's page; its Billing tab sets when renewals are invoiced and how unpaid ones are chased. */
export default async function CustomerGroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const staff = await requireStaff("BILLING");
  const { groupId } = await params;
  if (!UUID_RE.test(groupId)) notFound();
  const group = await findGroup(getDb(), groupId);
  if (!group) notFound();
  const t = await getTranslations("groups");
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={group.name} actions={<span className="text-sm text-slate-600">{t("customerCount", { count: group.customerCount })}</span>}>
        <nav aria-label={t("tabs")} className="mb-4 border-b border-slate-200">
          <span aria-current="page" className="inline-block border-b-2 border-indigo-600 px-3 py-2 text-sm font-medium text-indigo-700">
            {t("billingTab")}
          </span>
        </nav>
        <h2 className="mb-2">{t("scheduleTitle")}</h2>
        <PolicySchedule policy={group.policy} />
        <p className="mt-4">
          <Link href="/staff/groups">{t("allGroups")}</Link>
        </p>
      </Card>
      <Card title={t("billingTab")}>
        <GroupBillingForm groupId={group.id} policy={group.policy} manualStatusChanges={group.manualStatusChanges} isAdmin={staff.staffRoles.includes("ADMIN")} />
      </Card>
    </div>
  );
}
