import { getTranslations } from "next-intl/server";
import { ReconciliationRuns, RunReconciliationForm } from "@/components/staff/ReconciliationViews";
import { Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { recentReconciliationRunViews } from "@/server/payments/reconciliation-repository";

/** Reconciliation with the payment provider (ADR 0019): the daily runs, what they found, and "Run now". */
export default async function ReconciliationPage() {
  await requireStaff("BILLING");
  const t = await getTranslations("reconciliation");
  const runs = await recentReconciliationRunViews(getDb());
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <RunReconciliationForm />
      <ReconciliationRuns runs={runs} />
    </Card>
  );
}
