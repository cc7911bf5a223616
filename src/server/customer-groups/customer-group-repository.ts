import type { DunningPolicy } from "@/domain/billing/dunning-policy";
import type { Db } from "@/server/db/types";

/** A customer group with its billing rules, as the back-office edits them. */
export interface CustomerGroupRow {
  id: string;
  name: string;
  customerCount: number;
  policy: DunningPolicy;
  manualStatusChanges: boolean;
}

const select = {
  id: true,
  name: true,
  renewalLeadDays: true,
  reminderDaysBeforeDue: true,
  suspendAfterDays: true,
  terminateAfterDays: true,
  suspendAllAfterBusinessDays: true,
  lengthenCycleOnReinstatement: true,
  holidayCountry: true,
  holidayRegion: true,
  manualStatusChanges: true,
  _count: { select: { customers: true } },
} as const;

type Selected = {
  id: string;
  name: string;
  renewalLeadDays: number;
  reminderDaysBeforeDue: number[];
  suspendAfterDays: number;
  terminateAfterDays: number;
  suspendAllAfterBusinessDays: number;
  lengthenCycleOnReinstatement: boolean;
  holidayCountry: string | null;
  holidayRegion: string | null;
  manualStatusChanges: boolean;
  _count: { customers: number };
};

function toRow(g: Selected): CustomerGroupRow {
  return {
    id: g.id,
    name: g.name,
    customerCount: g._count.customers,
    manualStatusChanges: g.manualStatusChanges,
    policy: {
      renewalLeadDays: g.renewalLeadDays,
      reminderDaysBeforeDue: g.reminderDaysBeforeDue,
      suspendAfterDays: g.suspendAfterDays,
      terminateAfterDays: g.terminateAfterDays,
      suspendAllAfterBusinessDays: g.suspendAllAfterBusinessDays,
      lengthenCycleAfterReinstatement: g.lengthenCycleOnReinstatement,
      holidayCountry: g.holidayCountry?.trim() || null,
      holidayRegion: g.holidayRegion,
    },
  };
}

/** Every group by name: a provider has a handful (resellers, public sector, direct customers). */
export async function listGroups(db: Db): Promise<CustomerGroupRow[]> {
  return (await db.customerGroup.findMany({ select, orderBy: { name: "asc" }, take: 500 })).map(toRow);
}

export async function findGroup(db: Db, id: string): Promise<CustomerGroupRow | null> {
  const g = await db.customerGroup.findUnique({ where: { id }, select });
  return g ? toRow(g) : null;
}

/** The group row locked for an update (two staff saving at once apply one after the other). */
export async function lockGroup(db: Db, id: string): Promise<CustomerGroupRow | null> {
  const locked = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM customer_groups WHERE id = ${id}::uuid FOR UPDATE`;
  return locked.length === 1 ? findGroup(db, id) : null;
}

/** Inserts a group with the default policy; null when the name is taken (unique index). */
export async function insertGroup(db: Db, name: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO customer_groups (id, name) VALUES (gen_random_uuid(), ${name}) ON CONFLICT (name) DO NOTHING RETURNING id::text AS id`;
  return rows[0]?.id ?? null;
}

export async function updateGroupBilling(db: Db, id: string, policy: DunningPolicy, manualStatusChanges: boolean): Promise<void> {
  await db.customerGroup.update({
    where: { id },
    data: {
      renewalLeadDays: policy.renewalLeadDays,
      reminderDaysBeforeDue: [...policy.reminderDaysBeforeDue],
      suspendAfterDays: policy.suspendAfterDays,
      terminateAfterDays: policy.terminateAfterDays,
      suspendAllAfterBusinessDays: policy.suspendAllAfterBusinessDays,
      lengthenCycleOnReinstatement: policy.lengthenCycleAfterReinstatement,
      holidayCountry: policy.holidayCountry,
      holidayRegion: policy.holidayRegion,
      manualStatusChanges,
    },
  });
}

/** The group a subscription's customer belongs to may allow staff to change statuses by hand. */
export async function manualStatusChangesAllowed(db: Db, subscriptionId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ allowed: boolean | null }[]>`
    SELECT g.manual_status_changes AS allowed FROM subscriptions s JOIN customers c ON c.id = s.customer_id
    LEFT JOIN customer_groups g ON g.id = c.group_id WHERE s.id = ${subscriptionId}::uuid`;
  return rows[0]?.allowed === true;
}

/** The group whose public access-request link is /access/{slug} (portal columns; see portal-rules-repository). */
export { findGroupByAccessSlug } from "@/server/customer-groups/portal-rules-repository";
