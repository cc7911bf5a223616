import { DateInput } from "@/components/DateInput";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui";
import type { TInvoiceListQuery } from "@/contracts/invoice-list-query";

/** A GET form: filters live in the URL, so a filtered list can be bookmarked and exported. */
export function InvoiceFilters({ query, statuses }: { query: TInvoiceListQuery; statuses: readonly string[] }) {
  const t = useTranslations("billing");
  return (
    <form className="mb-4 grid gap-2 md:grid-cols-5 md:items-start" data-testid="invoice-filters">
      {/* A customer chosen elsewhere (the customer's page) stays chosen when the other filters change. */}
      {query.customerId ? <input type="hidden" name="customerId" value={query.customerId} /> : null}
      <label className="flex flex-col gap-1">
        {t("searchNumber")}
        <input name="q" defaultValue={query.q} className={inputClass} />
      </label>
      <label className="flex flex-col gap-1">
        {t("status")}
        <select name="status" defaultValue={query.status ?? ""} className={inputClass}>
          <option value="">{t("allStatuses")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}` as "statuses.OPEN")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1" htmlFor="invoice-filter-from">
        {t("from")}
        <DateInput id="invoice-filter-from" name="from" defaultValue={query.from} className={inputClass} />
      </label>
      <label className="flex flex-col gap-1" htmlFor="invoice-filter-to">
        {t("to")}
        <DateInput id="invoice-filter-to" name="to" defaultValue={query.to} className={inputClass} />
      </label>
      {/* Level with the fields, below their labels (the date fields carry a hint underneath). */}
      <button type="submit" className={`${buttonClass} md:mt-6`}>
        {t("filter")}
      </button>
    </form>
  );
}
