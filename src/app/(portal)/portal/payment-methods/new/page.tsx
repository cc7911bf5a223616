import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  authenticateDemoSetupAction,
  saveDemoMethodAction,
} from "@/app/(portal)/portal/payment-methods/actions";
import { AddMethodSteps } from "@/components/portal/AddMethodSteps";
import { StripePaymentElement } from "@/components/portal/StripePaymentElement";
import { Alert, Card } from "@/components/ui";
import { isLocale } from "@/domain/i18n/locales";
import { requireCustomer } from "@/server/auth/guards";
import { appUrl } from "@/server/config";
import { getDb } from "@/server/db/client";
import { listPaymentMethods } from "@/server/payments/list-payment-methods";
import { activePaymentProvider, activeProviderInfo } from "@/server/payments/payment-providers";
import { prepareMethodSetup } from "@/server/payments/prepare-method-setup";

/**
 * "Add a payment method": a setup intent per page shown (as Stripe's Payment Element wants), confirmed
 * by the demo form or Stripe's Payment Element; the method is saved when its event applies.
 */
export default async function NewPaymentMethodPage() {
  const user = await requireCustomer();
  const db = getDb();
  const actor = { id: user.id, email: user.email, customerId: user.customerId };
  const provider = activePaymentProvider(db);
  const t = await getTranslations("payments.methods");
  const locale = await getLocale();
  const { publishableKey } = activeProviderInfo();
  const setup = await prepareMethodSetup(db, provider, actor, new Date());
  // Stripe brings the browser back before its event saves the method: the list page waits for one more.
  const methodCountBefore = setup.provider === "stripe" ? (await listPaymentMethods(db, actor)).length : 0;

  return (
    <div className="flex flex-col gap-4">
      <Card
        level={1}
        title={t("addTitle")}
        actions={<Link href="/portal/payment-methods">{t("backToMethods")}</Link>}
      >
        <p className="text-sm text-slate-700">{t("addIntro")}</p>
      </Card>
      {setup.provider === "demo" && setup.clientSecret ? (
        <AddMethodSteps
          saveAction={saveDemoMethodAction}
          authAction={authenticateDemoSetupAction}
          hidden={{ setupId: setup.setupId, clientSecret: setup.clientSecret }}
          bankAvailable={setup.methodKinds.includes("SEPA_DEBIT")}
        />
      ) : setup.provider === "stripe" && setup.clientSecret && publishableKey ? (
        <Card title={t("addTitle")}>
          <StripePaymentElement
            publishableKey={publishableKey}
            clientSecret={setup.clientSecret}
            mode="setup"
            returnUrl={`${appUrl()}/portal/payment-methods?saved=pending&since=${methodCountBefore}`}
            submitLabel={t("saveSubmit")}
            locale={isLocale(locale) ? locale : "en"}
          />
        </Card>
      ) : (
        <Alert tone="info" testId="stripe-placeholder">
          {t("stripeNeeded")}
        </Alert>
      )}
    </div>
  );
}
