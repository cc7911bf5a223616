"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { runReconciliationAction } from "@/app/(staff)/staff/payments/reconciliation/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { buttonClass } from "@/components/ui";
import type { ReconciliationRunView } from "@/contracts/reconciliation";
import { fmtMoney } from "@/domain/billing/display-format";

/** Runs the reconciliation now and says what it did. */
export function RunReconciliationForm() {
  const t = useTranslations("reconciliation");
  const [state, action, pending] = useActionState(runReconciliationAction, idle);
  return (
    <form action={action} className="mb-6 flex flex-col gap-3" data-testid="reconcile-form">
      <div>
        <button type="submit" className={buttonClass} disabled={pending} data-testid="reconcile-now">
          {t("runNow")}
        </button>
      </div>
      <ActionOutcome
        state={state}
        success={t("ran", { settled: Number(state.status === "ok" ? state.values?.settled : 0), findings: Number(state.status === "ok" ? state.values?.findings : 0) })}
      />
    </form>
  );
}

/** The runs, newest first, each with its counts and what it found. */
export function ReconciliationRuns({ runs }: { runs: ReconciliationRunView[] }) {
  const t = useTranslations("reconciliation");
  const format = useFormatter();
  const locale = useLocale();
  if (runs.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <div className="flex flex-col gap-4" data-testid="reconciliation-runs">
      {runs.map((r) => (
        <section key={r.id} className="rounded-md border border-slate-200 p-3" aria-label={format.dateTime(new Date(r.startedAt), { dateStyle: "medium", timeStyle: "short" })}>
          <h2 className="text-sm font-semibold">
            {format.dateTime(new Date(r.startedAt), { dateStyle: "medium", timeStyle: "short" })} · {r.provider} · {t(`statuses.${r.status}` as "statuses.SUCCEEDED")}
          </h2>
          <p className="text-sm text-slate-600">
            {t("counts", { succeeded: r.counts.providerSucceeded, matched: r.counts.matched, settled: r.counts.settled, unknown: r.counts.unknownAtUs, missing: r.counts.missingAtProvider })}
          </p>
          {r.findings.length > 0 ? (
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {r.findings.map((f) => (
                <li key={`${f.kind}:${f.intentId ?? f.checkoutId}`}>
                  {t(`findings.${f.kind}`, { amount: fmtMoney(f.amountMinor, f.currency || "EUR", locale), intent: f.intentId ?? "—" })}
                  {f.checkoutId ? (
                    <>
                      {" "}
                      <Link href={`/staff/payments?q=${encodeURIComponent(f.intentId ?? "")}`}>{t("seePayments")}</Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
