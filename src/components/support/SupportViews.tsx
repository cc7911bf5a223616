import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td } from "@/components/ui";
import type { ConsumptionPointDto, HourBankDto, SupportBalanceDto, TimeEntryDto } from "@/contracts/support-banks";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { fmtDate, fmtMoney } from "@/domain/billing/display-format";
import { formatMinutes } from "@/domain/support/duration-format";

/** Views of a company's support hours, shared by the staff customer page and the portal. */

/** Bought, used and left, as three tiles: the first thing both sides look at. */
export function SupportBalanceCards({ balance }: { balance: SupportBalanceDto }) {
  const t = useTranslations("supportBanks");
  const tiles = [
    { key: "bought", label: t("bought"), minutes: balance.boughtMinutes },
    { key: "used", label: t("used"), minutes: balance.usedMinutes },
    { key: "left", label: t("left"), minutes: balance.remainingMinutes },
  ];
  return (
    <dl className="grid grid-cols-3 gap-2 sm:gap-4">
      {tiles.map((tile) => (
        <div key={tile.key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
          <dt className="text-xs text-slate-500 sm:text-sm">{tile.label}</dt>
          <dd className="mt-1 text-lg font-semibold sm:text-2xl" data-testid={`balance-${tile.key}`}>
            {formatMinutes(tile.minutes)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Each purchase: when, how many hours at what rate, its invoice, and what it has left. */
export function HourBankTable({ banks, invoiceHrefBase }: { banks: HourBankDto[]; invoiceHrefBase: string }) {
  const t = useTranslations("supportBanks");
  const locale = useLocale();
  return (
    <Table
      headers={[t("purchased"), { label: t("hours"), className: "hidden sm:table-cell" }, { label: t("rate"), className: "hidden md:table-cell" }, { label: t("total"), className: "hidden md:table-cell" }, t("invoice"), t("left")]}
      empty={banks.length === 0 ? t("noBanks") : undefined}
    >
      {banks.map((b) => (
        <tr key={b.id} data-testid="bank-row">
          <Td className="whitespace-nowrap">
            {fmtDate(b.purchasedAt as CalendarDate, locale)}
            {/* On a phone the hours bought go under the date. */}
            <span className="block text-xs text-slate-500 sm:hidden">{b.hours} h</span>
          </Td>
          <Td className="hidden sm:table-cell">{b.hours} h</Td>
          <Td className="hidden whitespace-nowrap md:table-cell">{fmtMoney(b.rateMinor, b.currency, locale)}</Td>
          <Td className="hidden whitespace-nowrap md:table-cell">{fmtMoney(b.totalMinor, b.currency, locale)}</Td>
          <Td className="whitespace-nowrap">{b.invoiceNumber ? <Link href={`${invoiceHrefBase}/${b.invoiceId}`}>{b.invoiceNumber}</Link> : "—"}</Td>
          <Td data-testid="bank-left">
            {formatMinutes(b.remainingMinutes)}
          </Td>
        </tr>
      ))}
    </Table>
  );
}

/** Every intervention: when, on which ticket, by whom, the time spent and charged, and how it was paid. */
export function TimeEntryTable({ entries, currency, invoiceHrefBase, ticketHrefBase, emptyText }: { entries: TimeEntryDto[]; currency: string; invoiceHrefBase: string; ticketHrefBase?: string; emptyText?: string }) {
  const t = useTranslations("supportBanks");
  const locale = useLocale();
  return (
    <Table
      headers={[t("date"), t("ticket"), { label: t("technician"), className: "hidden md:table-cell" }, { label: t("spent"), className: "hidden sm:table-cell" }, t("charged"), t("paidBy")]}
      empty={entries.length === 0 ? (emptyText ?? t("noEntries")) : undefined}
    >
      {entries.map((e) => {
        const travel = e.travelChargedMinutes > 0 || e.travelDistanceMinor > 0;
        return (
          <tr key={e.id} data-testid="entry-row">
            <Td className="whitespace-nowrap">{fmtDate(e.workDate as CalendarDate, locale)}</Td>
            <Td>
              {ticketHrefBase ? <Link href={`${ticketHrefBase}/${e.ticketId}`}>{e.ticketReference}</Link> : <span className="font-medium">{e.ticketReference}</span>}
              <span className="block text-xs text-slate-500">
                {e.ticketSubject} · {t(`activities.${e.activity}`)}
              </span>
              <span className="block text-xs text-slate-500 md:hidden">{e.technicianName}</span>
            </Td>
            <Td className="hidden md:table-cell">{e.technicianName}</Td>
            <Td className="hidden whitespace-nowrap sm:table-cell">{formatMinutes(e.actualMinutes)}</Td>
            <Td className="whitespace-nowrap" data-testid="entry-charged">
              {formatMinutes(e.chargedMinutes)}
            </Td>
            <Td data-testid="entry-paid-by">
              {e.bankMinutes > 0 ? <span className="block">{t("fromBank", { time: formatMinutes(e.bankMinutes) })}</span> : null}
              {e.billableMinutes > 0 ? (
                <span className="block">
                  {e.billedInvoiceId && e.billedInvoiceNumber ? (
                    <>
                      {t("billedOn", { time: formatMinutes(e.billableMinutes), number: "" })}
                      <Link href={`${invoiceHrefBase}/${e.billedInvoiceId}`}>{e.billedInvoiceNumber}</Link>
                    </>
                  ) : (
                    t("toBill", { time: formatMinutes(e.billableMinutes) })
                  )}
                </span>
              ) : null}
              {travel ? (
                <span className="block text-xs text-slate-500">
                  {t("travel", { detail: [e.travelChargedMinutes > 0 ? formatMinutes(e.travelChargedMinutes) : "", e.travelDistanceMinor > 0 ? fmtMoney(e.travelDistanceMinor, currency, locale) : ""].filter(Boolean).join(" · ") })}
                </span>
              ) : null}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

/** The chart's numbers, day by day (what a screen reader or a printout reads instead of the lines). */
export function ConsumptionTable({ points }: { points: ConsumptionPointDto[] }) {
  const t = useTranslations("supportBanks");
  const locale = useLocale();
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600">{t("portal.tableCaption")}</summary>
      <Table headers={[t("date"), t("portal.chartUsed"), t("portal.chartBought")]}>
        {points.map((p) => (
          <tr key={p.on} data-testid="consumption-row">
            <Td className="whitespace-nowrap">{fmtDate(p.on as CalendarDate, locale)}</Td>
            <Td>{hours.format(p.usedHours)} h</Td>
            <Td>{hours.format(p.boughtHours)} h</Td>
          </tr>
        ))}
      </Table>
    </details>
  );
}
