import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SecondFactorCodeForm } from "@/components/staff/SecondFactorCodeForm";
import { Alert, buttonClass, Card } from "@/components/ui";
import { requireStaffSession } from "@/server/auth/guards";
import { getSecurityOverview } from "@/server/auth/get-security-overview";
import { getDb } from "@/server/db/client";
import { confirmTotpEnrolmentAction, disableTotpAction, regenerateRecoveryCodesAction, startTotpEnrolmentAction } from "./actions";

/** Two-factor authentication of the reader: where admins enrol before reaching the back-office. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const staff = await requireStaffSession();
  const turnedOff = (await searchParams).turnedOff === "1";
  const overview = await getSecurityOverview(getDb(), staff.id);
  if (!overview) notFound();
  const t = await getTranslations("staffSecurity");
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      {turnedOff && overview.status === "off" ? (
        <div className="mb-4">
          <Alert tone="success" testId="totp-turned-off">
            {t("turnedOff")}
          </Alert>
        </div>
      ) : null}
      {overview.required && overview.status !== "on" ? (
        <div className="mb-4">
          <Alert tone="info" testId="totp-required">
            {t("requiredNotice")}
          </Alert>
        </div>
      ) : null}
      {overview.status === "off" ? (
        <form action={startTotpEnrolmentAction}>
          <button type="submit" className={buttonClass} data-testid="totp-start">
            {t("setUp")}
          </button>
        </form>
      ) : null}
      {overview.status === "pending" && overview.qrCode && overview.secret ? (
        <div className="flex flex-col gap-4">
          <p>{t("scan")}</p>
          {/* biome-ignore lint/performance/noImgElement: a data URL rendered on the server, nothing to optimise */}
          <img src={overview.qrCode} alt={t("qrAlt")} width={200} height={200} className="border border-slate-200" data-testid="totp-qr" />
          <p className="text-sm">
            {t("secretLabel")} <code className="break-all font-mono" data-testid="totp-secret">{overview.secret}</code>
          </p>
          <SecondFactorCodeForm action={confirmTotpEnrolmentAction} submitLabel={t("confirm")} label={t("appCodeLabel")} testId="totp-confirm" showsCodes continueHref="/staff" />
        </div>
      ) : null}
      {overview.status === "on" ? (
        <div className="flex flex-col gap-6">
          <Alert tone="success" testId="totp-on">
            {t("statusOn", { count: overview.unusedRecoveryCodes })}
          </Alert>
          <section>
            <h2 className="mb-2">{t("regenerate")}</h2>
            <p className="mb-2 text-sm text-slate-600">{t("regenerateHint")}</p>
            <SecondFactorCodeForm action={regenerateRecoveryCodesAction} submitLabel={t("regenerate")} testId="totp-regenerate" showsCodes />
          </section>
          <section>
            <h2 className="mb-2">{t("disable")}</h2>
            {overview.required ? (
              <p className="text-sm text-slate-600">{t("adminCannotDisable")}</p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-600">{t("disableHint")}</p>
                <SecondFactorCodeForm action={disableTotpAction} submitLabel={t("disable")} testId="totp-disable" />
              </>
            )}
          </section>
        </div>
      ) : null}
    </Card>
  );
}
