"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert, buttonClass } from "@/components/ui";

/** Stripe.js is loaded once per publishable key, from js.stripe.com (as PCI DSS SAQ A requires). */
const loaded = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string) {
  let promise = loaded.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    loaded.set(publishableKey, promise);
  }
  return promise;
}

type Mode = "payment" | "setup";

/**
 * Stripe's Payment Element: card (with 3-D Secure) or bank debit, typed into Stripe's own frames, so
 * card and account numbers never reach our pages or servers. It confirms the intent the server made;
 * Stripe then brings the browser back to `returnUrl`, whose page waits for the provider's event (the
 * webhook settles the invoices, not this page).
 */
export function StripePaymentElement(props: {
  publishableKey: string;
  clientSecret: string;
  mode: Mode;
  /** Absolute URL Stripe returns to after confirmation or 3-D Secure. */
  returnUrl: string;
  submitLabel: string;
  locale: "en" | "fr" | "es";
}) {
  return (
    <Elements
      stripe={stripeFor(props.publishableKey)}
      options={{ clientSecret: props.clientSecret, locale: props.locale, appearance: { theme: "stripe" } }}
    >
      <ConfirmForm mode={props.mode} returnUrl={props.returnUrl} submitLabel={props.submitLabel} />
    </Elements>
  );
}

function ConfirmForm({ mode, returnUrl, submitLabel }: { mode: Mode; returnUrl: string; submitLabel: string }) {
  const t = useTranslations("payments.stripe");
  const stripe = useStripe();
  const elements = useElements();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || pending) return; // a second click while confirming does nothing
    setPending(true);
    setProblem(null);
    const confirmParams = { return_url: returnUrl };
    const { error } =
      mode === "payment"
        ? await stripe.confirmPayment({ elements, confirmParams })
        : await stripe.confirmSetup({ elements, confirmParams });
    // Only reached when Stripe did not redirect: a refused card, a missing field, a network problem.
    setProblem(error?.message ?? t("unexpected"));
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="stripe-payment-element">
      <PaymentElement options={{ layout: "tabs" }} />
      {problem ? (
        <Alert tone="error" testId="stripe-problem">
          {problem}
        </Alert>
      ) : null}
      <button type="submit" className={buttonClass} disabled={!stripe || !elements || pending} aria-busy={pending}>
        {pending ? t("confirming") : submitLabel}
      </button>
      <p className="text-xs text-slate-500">{t("secured")}</p>
    </form>
  );
}
