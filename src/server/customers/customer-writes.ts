import type { Db } from "@/server/db/types";
import type { TCreateCustomerInput, TCreateSiteInput, TUpdateCustomerInput } from "@/contracts/customers";

export async function insertCustomer(db: Db, data: TCreateCustomerInput) {
  return db.customer.create({ data, select: { id: true } });
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
