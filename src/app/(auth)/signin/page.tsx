import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentUser } from "@/server/auth/guards";

/** Only same-site paths are followed after sign-in (no open redirect). */
const ZSignInQuery = z.object({
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .optional()
    .catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = ZSignInQuery.parse(await searchParams);
  if (await currentUser()) redirect(query.callbackUrl ?? "/");
  const t = await getTranslations("auth.signIn");
  return (
    <>
      <h1 className="mb-4">{t("title")}</h1>
      <SignInForm callbackUrl={query.callbackUrl ?? "/"} />
    </>
  );
}
