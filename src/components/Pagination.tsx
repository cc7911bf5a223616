import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the other query parameters. */
export async function Pagination({ page, pageSize, total, params }: { page: number; pageSize: number; total: number; params: Record<string, string | undefined> }) {
  const t = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav className="mt-4 flex items-center gap-4 text-sm" aria-label="pagination">
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : null}
      <span className="text-slate-500">{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : null}
    </nav>
  );
}
