import type { SavedMethodView } from "@/contracts/payment-views";
import type { CustomerActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/types";
import { listSavedMethods } from "@/server/payments/saved-method-repository";

/** The customer's saved methods for the portal, default first: display data only, never a provider id. */
export async function listPaymentMethods(db: Db, actor: CustomerActor): Promise<SavedMethodView[]> {
  const rows = await listSavedMethods(db, actor.customerId);
  return rows
    .map((m) => ({
      id: m.id,
      kind: m.kind,
      brand: m.brand,
      bankName: m.bankName,
      last4: m.last4,
      expMonth: m.expMonth,
      expYear: m.expYear,
      isDefault: m.isDefault,
    }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}
