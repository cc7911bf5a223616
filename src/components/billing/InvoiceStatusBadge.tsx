import { useTranslations } from "next-intl";

const COLORS: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  OPEN: "bg-amber-100 text-amber-800",
  OVERDUE: "bg-red-100 text-red-800",
  PAID: "bg-emerald-100 text-emerald-800",
  VOID: "bg-slate-200 text-slate-600 line-through",
};

/** OPEN invoices past their due date read as overdue. */
export function InvoiceStatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  const t = useTranslations("billing.statuses");
  const shown = status === "OPEN" && overdue ? "OVERDUE" : status;
  return (
    <span className={`inline-block rounded-full px-1.5 py-0.5 text-xs font-medium md:px-2 ${COLORS[shown] ?? ""}`} data-testid="invoice-status">
      {t(shown as "OPEN")}
    </span>
  );
}
