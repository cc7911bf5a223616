import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LinkProblem } from "@/components/auth/LinkProblem";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { isDomainError } from "@/domain/shared/domain-error";
import { checkPasswordResetToken } from "@/server/auth/reset-password";
import { getDb } from "@/server/db/client";

const ZTokenQuery = z.object({ token: z.string().min(20).max(200).catch("") });

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { token } = ZTokenQuery.parse(await searchParams);
  const t = await getTranslations("auth.reset");
  try {
    if (!token) return <LinkProblem code="TOKEN_INVALID" />;
    await checkPasswordResetToken(getDb(), token, new Date());
  } catch (e) {
    if (isDomainError(e)) return <LinkProblem code={e.code} />;
    throw e;
  }
  return (
    <>
      <h1 className="mb-4">{t("title")}</h1>
      <ResetPasswordForm token={token} />
    </>
  );
}
