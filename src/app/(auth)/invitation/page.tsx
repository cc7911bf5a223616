import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AcceptInvitationForm } from "@/components/auth/AcceptInvitationForm";
import { LinkProblem } from "@/components/auth/LinkProblem";
import { isDomainError } from "@/domain/shared/domain-error";
import { getDb } from "@/server/db/client";
import { describeInvitation } from "@/server/invitations/accept-invitation";

const ZTokenQuery = z.object({ token: z.string().min(20).max(200).catch("") });

export default async function InvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { token } = ZTokenQuery.parse(await searchParams);
  const t = await getTranslations("auth.invitation");
  let invitation: Awaited<ReturnType<typeof describeInvitation>>;
  try {
    if (!token) return <LinkProblem code="TOKEN_INVALID" />;
    invitation = await describeInvitation(getDb(), token, new Date());
  } catch (e) {
    if (isDomainError(e)) return <LinkProblem code={e.code} />;
    throw e;
  }
  return (
    <>
      <h1 className="mb-2">{t("title", { companyName: invitation.companyName })}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {t("intro", { companyName: invitation.companyName, email: invitation.email })}
      </p>
      <AcceptInvitationForm token={token} />
    </>
  );
}
