import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ListPageLinks } from "@/contracts/list-cursor";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";

export type FilterField =
  | { kind: "text"; name: string; label: string; value?: string; type?: "search" | "email" }
  | { kind: "date"; name: string; label: string; value?: string }
  | { kind: "select"; name: string; label: string; value?: string; allLabel: string; options: readonly { value: string; label: string }[] };

/**
 * A GET form: filters live in the URL, so a filtered list can be bookmarked and shared. Submitting
 * starts again from the first page (no cursor); `keep` carries filters set elsewhere (a customer
 * chosen from a row) as hidden fields.
 */
export function FilterForm({ fields, keep = {}, testId }: { fields: FilterField[]; keep?: Record<string, string | undefined>; testId?: string }) {
  const t = useTranslations("lists");
  return (
    <form className="mb-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fit,minmax(9rem,1fr))] lg:items-end" data-testid={testId}>
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((f) => (
        <div key={f.name} className="flex flex-col gap-1 text-sm">
          <label htmlFor={`filter-${f.name}`}>{f.label}</label>
          {f.kind === "select" ? (
            <select id={`filter-${f.name}`} name={f.name} defaultValue={f.value ?? ""} className={inputClass}>
              <option value="">{f.allLabel}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={`filter-${f.name}`} name={f.name} type={f.kind === "date" ? "date" : f.type === "email" ? "text" : "search"} defaultValue={f.value} className={inputClass} />
          )}
        </div>
      ))}
      <button type="submit" className={buttonClass}>
        {t("filter")}
      </button>
    </form>
  );
}

/** The customer a list is narrowed to, with a link that drops only that filter. */
export function CustomerChip({ name, clearHref }: { name: string; clearHref: string }) {
  const t = useTranslations("lists");
  return (
    <p className="mb-3 flex items-center gap-2 text-sm" data-testid="customer-chip">
      <span className="rounded-full bg-indigo-50 px-3 py-1 text-indigo-800">{t("customerIs", { name })}</span>
      <Link href={clearHref} aria-label={t("removeCustomer", { name })}>
        {t("remove")}
      </Link>
    </p>
  );
}

/** An empty result under filters: say so and offer the unfiltered list. */
export function FilteredEmpty({ clearHref }: { clearHref: string }) {
  const t = useTranslations("lists");
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600" data-testid="filtered-empty">
      <p>{t("noMatch")}</p>
      <Link href={clearHref} className={`${secondaryButtonClass} mt-3`}>
        {t("clearFilters")}
      </Link>
    </div>
  );
}

/**
 * Cursor navigation: the first page, the previous page (rows before the first shown) and the next
 * (rows after the last shown), keeping the filters; and how many rows match, capped when many.
 */
export function CursorNav({ links, params, total }: { links: ListPageLinks; params: Record<string, string | undefined>; total?: { count: number; capped: boolean } }) {
  const t = useTranslations("lists");
  const href = (cursor?: { after?: string; before?: string }) => listHref("", { ...params, ...cursor }) || "?";
  const shownTotal = total ? (total.capped ? t("resultCountCapped", { count: total.count }) : t("resultCount", { count: total.count })) : null;
  if (!links.next && !links.previous && !links.onLaterPage && !shownTotal) return null;
  return (
    <nav className="mt-4 flex flex-wrap items-center gap-4 text-sm" aria-label={t("pagination")}>
      {shownTotal ? (
        <span className="text-slate-600" data-testid="result-count">
          {shownTotal}
        </span>
      ) : null}
      {links.onLaterPage ? <Link href={href()}>{t("firstPage")}</Link> : null}
      {links.previous ? (
        <Link href={href({ before: links.previous })} rel="prev">
          {t("previousPage")}
        </Link>
      ) : null}
      {links.next ? (
        <Link href={href({ after: links.next })} rel="next">
          {t("nextPage")}
        </Link>
      ) : null}
    </nav>
  );
}

/** A URL of `path` with the given parameters (empty ones dropped). */
export function listHref(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
