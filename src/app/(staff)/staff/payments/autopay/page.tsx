import { getTranslations } from "next-intl/server";
import { AutopayAttempts, ChargeDueRenewalsForm } from "@/components/staff/AutopayViews";
import { Card } from "@/components/ui";
import { AUTOPAY_RETRY_DAYS } from "@/domain/payments/autopay-schedule";
import { requireStaff } from "@/server/auth/guards";
import { env } from "@/server/config";
import { getDb } from "@/server/db/client";
import { listAutopayAttempts } from "@/server/payments/list-autopay-attempts";

/** Autopay (ADR 0019): when it charges, the latest attempts and their outcome, and "Charge now". */
export default async function AutopayPage() {
  await requireStaff("BILLING");
  const t = await getTranslations("autopay");
  const attempts = await listAutopayAttempts(getDb());
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">
        {t("intro", { at: env().AUTOPAY_AT, zone: env().BILLING_TIME_ZONE, retries: AUTOPAY_RETRY_DAYS.join(", ") })}
      </p>
      <ChargeDueRenewalsForm />
      <AutopayAttempts attempts={attempts} />
    </Card>
  );
}
