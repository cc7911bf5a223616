import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { decodeProviderEvent, encodeProviderEvent, inboxTypeOf } from "./provider-event-codec";
import { checkoutStatusOf, reduceStripeEvent } from "./stripe-provider";

const intent = (over: Record<string, unknown> = {}) =>
  ({
    id: "pi_1",
    object: "payment_intent",
    amount: 1999,
    currency: "eur",
    status: "succeeded",
    client_secret: "pi_1_secret",
    payment_method: "pm_1",
    last_payment_error: null,
    metadata: { checkoutId: "c1" },
    created: 1_790_000_000,
    ...over,
  }) as unknown as Stripe.PaymentIntent;

const event = (type: string, object: unknown) =>
  ({
    id: "evt_1",
    object: "event",
    created: 1_790_000_100,
    type,
    data: { object },
  }) as unknown as Stripe.Event;

describe("reading Stripe's objects", () => {
  it("reduces intent statuses to ours: a failed attempt is requires_payment_method with an error", () => {
    expect(checkoutStatusOf("succeeded", false)).toBe("SUCCEEDED");
    expect(checkoutStatusOf("processing", false)).toBe("PROCESSING");
    expect(checkoutStatusOf("requires_action", false)).toBe("REQUIRES_ACTION");
    expect(checkoutStatusOf("canceled", false)).toBe("CANCELED");
    expect(checkoutStatusOf("requires_payment_method", true)).toBe("FAILED");
    expect(checkoutStatusOf("requires_payment_method", false)).toBe("CREATED");
  });

  it("keeps what the app acts on from an event, in minor units and upper-case currency, and ignores the rest", () => {
    const paid = reduceStripeEvent(event("payment_intent.succeeded", intent()));
    expect(paid).toMatchObject({
      id: "evt_1",
      type: "intent",
      created: new Date(1_790_000_100_000),
      intent: {
        id: "pi_1",
        status: "SUCCEEDED",
        amountMinor: 1999,
        currency: "EUR",
        methodId: "pm_1",
        method: null,
        metadata: { checkoutId: "c1" },
      },
    });
    const failed = reduceStripeEvent(
      event(
        "payment_intent.payment_failed",
        intent({
          status: "requires_payment_method",
          payment_method: null,
          last_payment_error: { code: "card_declined", decline_code: "insufficient_funds" },
        }),
      ),
    );
    expect(failed).toMatchObject({
      type: "intent",
      intent: { status: "FAILED", failureCode: "card_declined" },
    });
    const setup = reduceStripeEvent(
      event("setup_intent.succeeded", {
        id: "seti_1",
        object: "setup_intent",
        customer: "cus_1",
        payment_method: "pm_2",
        metadata: {},
      }),
    );
    expect(setup).toMatchObject({
      type: "setup_succeeded",
      customerRef: "cus_1",
      methodId: "pm_2",
      method: null,
    });
    const refund = reduceStripeEvent(
      event("refund.updated", {
        id: "re_1",
        object: "refund",
        amount: 500,
        currency: "eur",
        payment_intent: "pi_1",
        status: "succeeded",
        metadata: null,
        created: 1_790_000_050,
      }),
    );
    expect(refund).toMatchObject({
      type: "refund",
      refund: { id: "re_1", intentId: "pi_1", amountMinor: 500, currency: "EUR", status: "SUCCEEDED" },
    });
    expect(reduceStripeEvent(event("customer.created", { id: "cus_1", object: "customer" }))).toMatchObject({
      type: "ignored",
      providerType: "customer.created",
    });
  });

  it("stores an event in the inbox and reads it back the same, dates included", () => {
    const paid = reduceStripeEvent(event("payment_intent.succeeded", intent()));
    const stored = JSON.parse(JSON.stringify(encodeProviderEvent(paid)));
    expect(decodeProviderEvent(stored)).toEqual(paid);
    expect(inboxTypeOf(paid)).toBe("intent.SUCCEEDED");
    expect(() => decodeProviderEvent({ ...stored, type: "intent", intent: { id: "" } })).toThrow();
  });
});
