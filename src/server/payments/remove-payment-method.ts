import { DomainError } from "@/domain/shared/domain-error";
import type { TPaymentMethodRef } from "@/contracts/payments";
import { recordAudit } from "@/server/audit/audit-repository";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import {
  findSavedMethod,
  lockCustomerMethods,
  markMethodRemoved,
} from "@/server/payments/saved-method-repository";

/**
 * The customer removes a saved method: it is detached at the provider first (so it can no longer be
 * charged), then marked removed here (kept for the history of past payments). Removing the default
 * leaves the customer without one: autopay stops until they choose another, as they would expect.
 */
export async function removePaymentMethod(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  input: TPaymentMethodRef,
  now: Date,
): Promise<void> {
  const method = await findSavedMethod(db, actor.customerId, input.methodId);
  if (!method || method.provider !== provider.name)
    throw new DomainError("NOT_FOUND", { entity: "payment_method", field: "methodId" });
  await provider.detachMethod(method.providerMethodId);
  await db.$transaction(async (tx) => {
    await lockCustomerMethods(tx, actor.customerId);
    if (!(await findSavedMethod(tx, actor.customerId, method.id))) return; // removed meanwhile (double click)
    await markMethodRemoved(tx, method.id, now);
    await recordAudit(tx, {
      action: "payment_method.removed",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "payment_method",
      targetId: method.id,
      customerId: actor.customerId,
      details: { kind: method.kind, last4: method.last4, wasDefault: method.isDefault },
      at: now,
    });
  });
}
