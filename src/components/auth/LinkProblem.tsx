import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui";

const KNOWN = ["TOKEN_INVALID", "TOKEN_EXPIRED", "TOKEN_USED", "TOKEN_SUPERSEDED"] as const;

/** What an invitation, reset or billing e-mail link page shows when the link cannot be used, and why. */
export async function LinkProblem({ code }: { code: string }) {
  const t = await getTranslations("auth");
  const known = (KNOWN as readonly string[]).includes(code) ? (code as (typeof KNOWN)[number]) : "TOKEN_INVALID";
  return (
    <div className="flex flex-col gap-4">
      <h1>{t("linkProblem.title")}</h1>
      <Alert tone="error" testId="link-problem">
        {t(`linkProblem.${known}`)}
      </Alert>
      <p className="text-sm">
        <Link href="/signin">{t("forgot.backToSignIn")}</Link>
      </p>
    </div>
  );
}
