import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { authenticateDemoAction, payWithDemoAction } from "@/app/(portal)/portal/checkouts/actions";
import { CheckoutSummary } from "@/components/portal/CheckoutSummary";
import { DemoAuthentication } from "@/components/portal/DemoAuthentication";
import { DemoPaymentForm } from "@/components/portal/DemoPaymentForm";
import { StripePaymentElement } from "@/components/portal/StripePaymentElement";
import { RefreshWhileActive } from "@/components/staff/RefreshWhileActive";
import { Alert, Card } from "@/components/ui";
import { fmtMoney } from "@/domain/billing/display-format";
import { isLocale } from "@/domain/i18n/locales";
import { isDomainError } from "@/domain/shared/domain-error";
import { requireCustomer } from "@/server/auth/guards";
import { appUrl } from "@/server/config";
import { getDb } from "@/server/db/client";
import { getCheckoutPage } from "@/server/payments/get-checkout-page";
import { activePaymentProvider, activeProviderInfo } from "@/server/payments/payment-providers";

/** Failure codes the page words; any other reads as a generic refusal. */
const KNOWN_FAILURES = new Set([
  "card_declined",
  "authentication_failed",
  "authentication_required",
  "insufficient_funds",
  "expired_card",
]);

export default async function CheckoutPage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const user = await requireCustomer();
  const id = z
    .string()
    .uuid()
    .safeParse((await params).checkoutId);
  if (!id.success) notFound();
  const db = getDb();
  const info = activeProviderInfo();
  const actor = { id: user.id, email: user.email, customerId: user.customerId };
  const view = await getCheckoutPage(db, activePaymentProvider(db), actor, id.data, new Date(), {
    publishableKey: info.publishableKey,
  }).catch((e) => {
    if (isDomainError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("payments");
  const locale = await getLocale();
  const { checkout } = view;
  const amountText = fmtMoney(checkout.amountMinor, checkout.currency, locale);
  const status = checkout.status;
  const waiting = view.awaitingEvent && status !== "SUCCEEDED";
  const canPay = !waiting && (status === "CREATED" || status === "FAILED");
  const reason =
    view.failureCode && KNOWN_FAILURES.has(view.failureCode)
      ? t(`failures.${view.failureCode}`)
      : t("failures.other");
  return (
    <div className="flex flex-col gap-4">
      <RefreshWhileActive active={waiting} />
      <Card level={1} title={t("checkoutTitle")}>
        <CheckoutSummary view={view} />
      </Card>
      <div aria-live="polite" data-testid="checkout-state">
        {status === "SUCCEEDED" ? (
          <Alert tone="success" testId="checkout-paid">
            {t("paid", { amount: amountText, email: view.receiptEmail })}{" "}
            {view.savedMethod ? t("methodSaved") : null}{" "}
            <Link href="/portal/invoices">{t("backToInvoices")}</Link>
          </Alert>
        ) : waiting ? (
          <Alert tone="info" testId="checkout-processing">
            {t("processing")}
          </Alert>
        ) : status === "FAILED" ? (
          <Alert tone="error" testId="checkout-failed">
            {t("failed", { reason })}
          </Alert>
        ) : status === "CANCELED" ? (
          <Alert tone="info" testId="checkout-canceled">
            {t("canceled")} <Link href="/portal/invoices">{t("backToInvoices")}</Link>
          </Alert>
        ) : null}
      </div>
      {status === "REQUIRES_ACTION" && !waiting && checkout.provider === "demo" ? (
        <DemoAuthentication
          action={authenticateDemoAction}
          hidden={{ checkoutId: checkout.checkoutId }}
          amountText={amountText}
        />
      ) : null}
      {canPay && checkout.provider === "demo" ? (
        <DemoPaymentForm
          action={payWithDemoAction}
          hidden={{ checkoutId: checkout.checkoutId }}
          submitLabel={t("payAmount", { amount: amountText })}
          bankAvailable={view.methodKinds.length > 1 && view.methodKinds.includes("SEPA_DEBIT")}
          saveOption
          testId="demo-pay"
        />
      ) : null}
      {canPay && checkout.provider === "stripe" ? (
        checkout.publishableKey && checkout.clientSecret ? (
          <Card title={t("payAmount", { amount: amountText })}>
            <StripePaymentElement
              publishableKey={checkout.publishableKey}
              clientSecret={checkout.clientSecret}
              mode="payment"
              returnUrl={`${appUrl()}/portal/checkouts/${checkout.checkoutId}`}
              submitLabel={t("payAmount", { amount: amountText })}
              locale={isLocale(locale) ? locale : "en"}
            />
          </Card>
        ) : (
          <Alert tone="info" testId="stripe-placeholder">
            {t("stripeNeeded")}
          </Alert>
        )
      ) : null}
    </div>
  );
}
