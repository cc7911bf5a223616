import { DomainError } from "@/domain/shared/domain-error";
import type { TPaymentMethodRef } from "@/contracts/payments";
import { recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import {
  findSavedMethod,
  lockCustomerMethods,
  makeDefaultMethod,
} from "@/server/payments/saved-method-repository";

/** The customer chooses which saved method autopay charges; another company's method is NOT_FOUND. */
export async function setDefaultPaymentMethod(
  db: RootDb,
  actor: CustomerActor,
  input: TPaymentMethodRef,
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockCustomerMethods(tx, actor.customerId);
    const method = await findSavedMethod(tx, actor.customerId, input.methodId);
    if (!method) throw new DomainError("NOT_FOUND", { entity: "payment_method", field: "methodId" });
    if (method.isDefault) return;
    await makeDefaultMethod(tx, actor.customerId, method.id);
    await recordAudit(tx, {
      action: "payment_method.default_set",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "payment_method",
      targetId: method.id,
      customerId: actor.customerId,
      details: { kind: method.kind, last4: method.last4 },
      at: now,
    });
  });
}
