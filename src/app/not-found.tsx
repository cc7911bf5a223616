import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-md p-8 text-center">
      <h1>{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("notFoundBody")}</p>
      <p className="mt-4">
        <Link href="/">{t("goHome")}</Link>
      </p>
    </main>
  );
}
