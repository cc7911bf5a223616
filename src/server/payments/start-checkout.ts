import { createHash } from "node:crypto";
import { amountToPay, type PayableInvoice, payableInOrder } from "@/domain/payments/allocation";
import { checkoutKeyMaterial, methodKindsFor } from "@/domain/payments/payment-methods";
import { DomainError } from "@/domain/shared/domain-error";
import type { CheckoutStartView, TStartCheckoutInput } from "@/contracts/payments";
import type { CustomerActor } from "@/server/auth/actor";
import { minorFromDb, minorToDb } from "@/server/billing/ledger-values";
import type { RootDb } from "@/server/db/types";
import {
  type CheckoutRow,
  findCheckoutByKey,
  insertCheckoutIfAbsent,
  invoicesOfCustomer,
  setCheckoutIntent,
} from "@/server/payments/checkout-repository";
import { ensureProviderCustomer } from "@/server/payments/ensure-provider-customer";
import type { PaymentProvider, ProviderIntent } from "@/server/payments/payment-provider";

/** Attempts on the same invoices and balances after cancelled ones; beyond, something is wrong. */
const MAX_ATTEMPTS = 20;

const keyOf = (material: string) => `checkout_${createHash("sha256").update(material).digest("hex")}`;

/**
 * A customer pays one or several of their own open invoices online. The checkout is keyed by what is
 * paid (customer, invoices and their balances, purpose), and that key is also the provider call's
 * idempotency key: a double-clicked Pay, a retried request or a reload get the same checkout and the
 * same provider intent, so one charge. Returns what the browser needs to take the payment.
 */
export async function startCheckout(
  db: RootDb,
  provider: PaymentProvider,
  actor: CustomerActor,
  input: TStartCheckoutInput,
  now: Date,
  options: { publishableKey?: string | null } = {},
): Promise<CheckoutStartView> {
  const rows = await invoicesOfCustomer(db, actor.customerId, input.invoiceIds);
  // Another company's invoice is not found, like a missing one: nothing tells them apart.
  if (rows.length !== input.invoiceIds.length) throw new DomainError("NOT_FOUND", { entity: "invoice" });
  const payables: PayableInvoice[] = rows.map((r) => {
    const balanceMinor = minorFromDb(r.grossMinor - r.paidMinor - r.creditedMinor);
    if (r.status !== "OPEN" || balanceMinor <= 0)
      throw new DomainError("INVALID_TRANSITION", {
        entity: "invoice",
        from: r.status,
        event: "pay",
        field: "invoiceIds",
      });
    return {
      invoiceId: r.id,
      number: r.number ?? "",
      currency: r.currency,
      dueDate: r.dueDate?.toISOString().slice(0, 10) ?? null,
      balanceMinor,
    };
  });
  const ordered = payableInOrder(payables); // refuses a mix of currencies
  const amountMinor = amountToPay(ordered);
  const currency = ordered[0]?.currency ?? "";

  let checkout: CheckoutRow | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !checkout; attempt++) {
    const key = keyOf(
      checkoutKeyMaterial({ customerId: actor.customerId, purpose: "MANUAL", invoices: ordered, attempt }),
    );
    let found = await findCheckoutByKey(db, key);
    if (!found) {
      await db.$transaction((tx) =>
        insertCheckoutIfAbsent(tx, {
          customerId: actor.customerId,
          provider: provider.name,
          idempotencyKey: key,
          purpose: "MANUAL",
          amountMinor: minorToDb(amountMinor),
          currency,
          saveMethod: input.saveMethod,
          savedMethodId: null,
          createdById: actor.id,
          createdAt: now,
          invoices: ordered.map((i) => ({ invoiceId: i.invoiceId, amountMinor: minorToDb(i.balanceMinor) })),
        }),
      );
      found = await findCheckoutByKey(db, key);
    }
    // A cancelled attempt is over: the next attempt number starts a fresh one.
    if (found && found.status !== "CANCELED" && found.provider === provider.name) checkout = found;
  }
  if (!checkout)
    throw new DomainError("INVALID_TRANSITION", { entity: "checkout", from: "CANCELED", event: "start" });

  const intent = await intentFor(db, provider, checkout, now);
  return {
    checkoutId: checkout.id,
    provider: provider.name,
    status: intent.status,
    amountMinor: minorFromDb(checkout.amountMinor),
    currency: checkout.currency,
    clientSecret: intent.clientSecret,
    publishableKey: provider.name === "stripe" ? (options.publishableKey ?? null) : null,
    payUrl: `/portal/checkouts/${checkout.id}`,
  };
}

/**
 * The checkout's provider intent: created on first use with the checkout's key (two racing requests
 * get the same one from the provider), read back afterwards for its client secret, which we never store.
 */
export async function intentFor(
  db: RootDb,
  provider: PaymentProvider,
  checkout: CheckoutRow,
  now: Date,
): Promise<ProviderIntent> {
  if (checkout.providerIntentId) return provider.retrieveIntent(checkout.providerIntentId);
  const customerRef = await ensureProviderCustomer(db, provider, checkout.customerId, now);
  const intent = await provider.createIntent({
    amountMinor: minorFromDb(checkout.amountMinor),
    currency: checkout.currency,
    customerRef,
    methodKinds: methodKindsFor(checkout.currency),
    saveMethod: checkout.saveMethod,
    metadata: { checkoutId: checkout.id, customerId: checkout.customerId },
    idempotencyKey: checkout.idempotencyKey,
  });
  await setCheckoutIntent(db, checkout.id, intent.id);
  return intent;
}
