import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LinkProblem } from "@/components/auth/LinkProblem";
import { ConfirmBillingEmailForm } from "@/components/portal/ConfirmBillingEmailForm";
import { isDomainError } from "@/domain/shared/domain-error";
import { getDb } from "@/server/db/client";
import { checkBillingEmailLink } from "@/server/self-service/confirm-billing-email-change";

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);

/**
 * The link e-mailed to a new billing address. Opening it changes nothing (mail scanners open links):
 * the page says which company and address, and the button confirms. Works signed out.
 */
export default async function ConfirmBillingEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const token = ZToken.safeParse((await params).token);
  if (!token.success) return <LinkProblem code="TOKEN_INVALID" />;
  const t = await getTranslations("billingEmail.confirm");
  let link: { companyName: string; newAddress: string };
  try {
    link = await checkBillingEmailLink(getDb(), token.data, new Date());
  } catch (e) {
    if (isDomainError(e)) return <LinkProblem code={e.code} />;
    throw e;
  }
  return (
    <>
      <h1 className="mb-4">{t("title")}</h1>
      <ConfirmBillingEmailForm token={token.data} companyName={link.companyName} newAddress={link.newAddress} />
    </>
  );
}
