import type { Db } from "@/server/db/types";
import type { TCreateCustomerInput, TCreateSiteInput, TUpdateCustomerInput } from "@/contracts/customers";

export async function insertCustomer(db: Db, data: TCreateCustomerInput) {
  return db.customer.create({ data, select: { id: true } });
}

/** The editable fields of a customer as they are now, with the row locked until the transaction ends. */
export async function lockCustomerForUpdate(db: Db, customerId: string): Promise<Record<keyof TUpdateCustomerInput, unknown> | null> {
  const locked = await db.$queryRaw<{ id: string }[]>`SELECT id FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return db.customer.findUnique({
    where: { id: customerId },
    select: { legalName: true, billingEmail: true, addressLine1: true, addressLine2: true, postalCode: true, city: true, country: true, taxId: true, locale: true, timeZone: true, groupId: true },
  });
}

export async function updateCustomerRow(db: Db, customerId: string, data: TUpdateCustomerInput) {
  const { count } = await db.customer.updateMany({ where: { id: customerId }, data });
  return count === 1;
}

export async function insertSite(db: Db, customerId: string, data: TCreateSiteInput) {
  return db.site.create({ data: { ...data, customerId }, select: { id: true } });
}

export async function groupExists(db: Db, groupId: string) {
  return (await db.customerGroup.count({ where: { id: groupId } })) === 1;
}

export async function customerExists(db: Db, customerId: string) {
  return (await db.customer.count({ where: { id: customerId } })) === 1;
}
