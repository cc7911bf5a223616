import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  authenticateDemoSetupAction,
  saveDemoMethodAction,
} from "@/app/(portal)/portal/payment-methods/actions";
import { AddMethodSteps } from "@/components/portal/AddMethodSteps";
import { Alert, Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { activePaymentProvider } from "@/server/payments/payment-providers";
import { prepareMethodSetup } from "@/server/payments/prepare-method-setup";

/**
 * "Add a payment method": a setup intent per page shown (as Stripe's Payment Element wants), confirmed
 * by the demo form; the method is saved when its event applies.
 */
export default async function NewPaymentMethodPage() {
  const user = await requireCustomer();
  const db = getDb();
  const provider = activePaymentProvider(db);
  const t = await getTranslations("payments.methods");
  const setup = await prepareMethodSetup(
    db,
    provider,
    { id: user.id, email: user.email, customerId: user.customerId },
    new Date(),
  );
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
      ) : (
        <Alert tone="info" testId="stripe-placeholder">
          {t("stripeNeeded")}
        </Alert>
      )}
    </div>
  );
}
