import { expect } from "vitest";
import { POST as webhook } from "@/app/api/payments/webhook/[provider]/route";
import { getDb } from "@/server/db/client";
import { applyPaymentEvent } from "@/server/payments/apply-payment-event";
import {
  activePaymentProvider,
  providerFrom,
  providerInfoFrom,
  setPaymentProviderForTests,
} from "@/server/payments/payment-providers";
import { STUB_WEBHOOK_SECRET, startStripeStub } from "./stripe-stub";

/**
 * The Stripe path, end to end without network: the real `stripe` client talks to a local stub of the
 * API, and webhook events signed with the library's test helper go through the real route. The
 * settings are those a Stripe installation has; the environment is read once per process, so the
 * provider they choose is installed as the active one until `close()`.
 */
export async function stripeHarness(now: Date) {
  const stub = await startStripeStub();
  const settings = {
    STRIPE_SECRET_KEY: "sk_test_stub",
    STRIPE_PUBLISHABLE_KEY: "pk_test_stub",
    STRIPE_WEBHOOK_SECRET: STUB_WEBHOOK_SECRET,
    STRIPE_API_BASE: stub.url,
  };
  const db = getDb();
  setPaymentProviderForTests(providerFrom(db, settings));
  const provider = activePaymentProvider(db);

  async function post(body: string, signature: string | null, name = "stripe") {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (signature !== null) headers["Stripe-Signature"] = signature;
    const res = await webhook(
      new Request(`http://comptoir.test/api/payments/webhook/${name}`, { method: "POST", body, headers }),
      { params: Promise.resolve({ provider: name }) },
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Stripe delivers an event; the worker applies it (here called directly, as its job does). */
  async function deliver(
    type: string,
    object: Record<string, unknown> & { id: string },
    options: { id?: string; created?: number } = {},
  ) {
    const payload = stub.event(type, object, options);
    const res = await post(payload, stub.sign(payload));
    expect(res.status).toBe(200);
    const eventId = JSON.parse(payload).id as string;
    const row = await db.paymentWebhookEvent.findUniqueOrThrow({
      where: { provider_eventId: { provider: "stripe", eventId } },
    });
    return {
      eventId,
      inboxId: row.id,
      outcome: await applyPaymentEvent(db, provider, row.id, now),
      response: res.body,
    };
  }

  const intentOfCheckout = async (checkoutId: string) =>
    (await db.checkout.findUniqueOrThrow({ where: { id: checkoutId } })).providerIntentId ?? "";

  return {
    stub,
    settings,
    db,
    provider,
    publishableKey: providerInfoFrom(settings).publishableKey,
    post,
    deliver,
    intentOfCheckout,
    async close() {
      setPaymentProviderForTests(null);
      await stub.close();
    },
  };
}
