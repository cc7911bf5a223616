import type { GroupMemberDto } from "@/contracts/portal-rules-views";
import { likePattern } from "@/server/db/like-pattern";
import type { Db } from "@/server/db/types";

/** Customers of a group by name (a bounded list: the customer list filters further). */
export async function listGroupCustomers(db: Db, groupId: string, limit = 200): Promise<GroupMemberDto[]> {
  return db.customer.findMany({ where: { groupId }, select: { id: true, legalName: true, billingEmail: true }, orderBy: [{ legalName: "asc" }, { id: "asc" }], take: limit });
}

/** Customers outside this group whose name or billing e-mail contains the text (at most `limit`). */
export async function searchCustomersOutsideGroup(db: Db, groupId: string, text: string, limit = 20): Promise<(GroupMemberDto & { groupName: string | null })[]> {
  const pattern = likePattern(text);
  const rows = await db.$queryRaw<{ id: string; legal_name: string; billing_email: string; group_name: string | null }[]>`
    SELECT c.id::text AS id, c.legal_name, c.billing_email, g.name AS group_name
    FROM customers c LEFT JOIN customer_groups g ON g.id = c.group_id
    WHERE c.group_id IS DISTINCT FROM ${groupId}::uuid AND (c.legal_name ILIKE ${pattern} OR c.billing_email ILIKE ${pattern})
    ORDER BY c.legal_name, c.id LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, legalName: r.legal_name, billingEmail: r.billing_email, groupName: r.group_name }));
}

/** The customer's current group, row locked; undefined for an unknown customer. */
export async function lockCustomerGroupId(db: Db, customerId: string): Promise<{ groupId: string | null } | undefined> {
  const rows = await db.$queryRaw<{ group_id: string | null }[]>`SELECT group_id::text AS group_id FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
  return rows[0] ? { groupId: rows[0].group_id } : undefined;
}

export async function setCustomerGroupId(db: Db, customerId: string, groupId: string | null): Promise<void> {
  await db.customer.update({ where: { id: customerId }, data: { groupId } });
}

/** Renames a group; false when another group has the name (unique index). */
export async function renameGroupRow(db: Db, groupId: string, name: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE customer_groups SET name = ${name} WHERE id = ${groupId}::uuid
      AND NOT EXISTS (SELECT 1 FROM customer_groups o WHERE o.name = ${name} AND o.id <> ${groupId}::uuid)
    RETURNING id::text AS id`;
  return rows.length === 1;
}
