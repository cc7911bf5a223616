import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BankTransferDetails } from "@/components/portal/BankTransferDetails";
import { PaymentMethodList } from "@/components/portal/PaymentMethodList";
import { RefreshWhileActive } from "@/components/staff/RefreshWhileActive";
import { Alert, buttonClass, Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { getTransferDetails } from "@/server/payments/get-transfer-details";
import { listPaymentMethods } from "@/server/payments/list-payment-methods";

export default async function PaymentMethodsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const user = await requireCustomer();
  const db = getDb();
  const [methods, transfer] = await Promise.all([
    listPaymentMethods(db, { id: user.id, email: user.email, customerId: user.customerId }),
    getTransferDetails(db),
  ]);
  const query = await searchParams;
  const saved = query.saved === "1";
  // Back from Stripe's confirmation: the method appears when its event is applied; refresh until then.
  const countBefore = Number(typeof query.since === "string" ? query.since : Number.NaN);
  const awaitingStripe = query.saved === "pending" && Number.isInteger(countBefore) && methods.length <= countBefore;
  const t = await getTranslations("payments.methods");
  const hasDefault = methods.some((m) => m.isDefault);
  return (
    <div className="flex flex-col gap-4">
      <Card
        level={1}
        title={t("title")}
        actions={
          <Link href="/portal/payment-methods/new" className={buttonClass} data-testid="add-method">
            {t("add")}
          </Link>
        }
      >
        <div className="flex flex-col gap-3">
          <RefreshWhileActive active={awaitingStripe} everyMs={2000} />
          {awaitingStripe ? (
            <Alert tone="info" testId="method-saving">
              {t("saving")}
            </Alert>
          ) : null}
          {saved ? (
            <Alert tone="success" testId="method-saved">
              {t("savedOutcome")}
            </Alert>
          ) : null}
          <p className="text-sm text-slate-700" data-testid="autopay-explained">
            {hasDefault ? t("withDefault") : t("withoutDefault")}
          </p>
          <PaymentMethodList methods={methods} />
        </div>
      </Card>
      <Card title={t("byTransfer")}>
        <p className="mb-2 text-sm text-slate-700">{t("byTransferIntro")}</p>
        {transfer ? (
          <BankTransferDetails details={transfer} />
        ) : (
          <p className="text-sm text-slate-600">{t("noTransferDetails")}</p>
        )}
      </Card>
    </div>
  );
}
