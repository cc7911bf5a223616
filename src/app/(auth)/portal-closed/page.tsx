import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/SignOutButton";
import { Alert } from "@/components/ui";
import { customerPortalAccess, requireCustomerSession } from "@/server/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portalClosed");
  return { title: t("title") };
}

/** Where a signed-in user lands when their company's group has the portal turned off. */
export default async function PortalClosedPage() {
  const user = await requireCustomerSession();
  if ((await customerPortalAccess(user)).kind !== "disabled") redirect("/portal");
  const t = await getTranslations("portalClosed");
  const common = await getTranslations("common");
  return (
    <>
      <h1 className="mb-4">{t("title")}</h1>
      <Alert tone="info" testId="portal-closed">
        {t("body", { company: user.customerName })}
      </Alert>
      <p className="mt-4">
        <SignOutButton label={common("signOut")} />
      </p>
    </>
  );
}
