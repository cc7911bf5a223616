import Link from "next/link";
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TicketDto, TicketListItemDto } from "@/contracts/support-ticket-views";
import type { SlaState } from "@/domain/support/ticket-rules";
import { Badge, Table, Td } from "@/components/ui";

/** "45 min", "3 h 20 min": a duration in desk-readable words. */
export function useDuration() {
  const t = useTranslations("supportTickets.duration");
  return (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t("minutes", { minutes: m });
    if (h >= 48) return t("days", { days: Math.floor(h / 24) });
    return m === 0 ? t("hours", { hours: h }) : t("hoursMinutes", { hours: h, minutes: m });
  };
}

const SLA_TONES: Record<SlaState["kind"], string> = {
  RESPONDED_ON_TIME: "bg-emerald-50 text-emerald-800 border-emerald-200",
  RESPONDED_LATE: "bg-amber-50 text-amber-900 border-amber-200",
  BREACHED: "bg-red-50 text-red-800 border-red-200",
  DUE: "bg-slate-50 text-slate-700 border-slate-200",
};

/** Where a ticket stands against its response deadline, in words (the colour only repeats them). */
export function SlaBadge({ sla, urgent = false }: { sla: SlaState; urgent?: boolean }) {
  const t = useTranslations("supportTickets.sla");
  const duration = useDuration();
  const text =
    sla.kind === "RESPONDED_ON_TIME"
      ? t("onTime")
      : sla.kind === "RESPONDED_LATE"
        ? t("late", { duration: duration(sla.lateMinutes) })
        : sla.kind === "BREACHED"
          ? t("breached", { duration: duration(sla.overdueMinutes) })
          : t("dueIn", { duration: duration(sla.minutesLeft) });
  const tone = sla.kind === "DUE" && urgent ? "bg-amber-50 text-amber-900 border-amber-200" : SLA_TONES[sla.kind];
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tone}`} data-testid="sla-state">
      {text}
    </span>
  );
}

/** A customer's tickets in the portal. */
export function PortalTicketList({ tickets, timeZone }: { tickets: TicketListItemDto[]; timeZone: string }) {
  const t = useTranslations("supportTickets");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const headers = [t("reference"), t("subject"), { label: t("urgency"), className: "hidden sm:table-cell" }, t("status"), { label: t("opened"), className: "hidden md:table-cell" }, t("response")];
  return (
    <Table headers={headers} empty={tickets.length === 0 ? t("none") : undefined}>
      {tickets.map((k) => (
        <tr key={k.id} data-testid="ticket-row">
          <Td className="whitespace-nowrap">
            <Link href={`/portal/support/tickets/${k.id}`}>{k.reference}</Link>
          </Td>
          <Td className="break-words">{k.subject}</Td>
          <Td className="hidden sm:table-cell">{t(`urgencies.${k.urgency}`)}</Td>
          <Td>{t(`statuses.${k.status}`)}</Td>
          <Td className="hidden whitespace-nowrap md:table-cell">{when(k.receivedAt)}</Td>
          <Td className="text-xs">{k.firstResponseAt ? t("respondedAt", { when: when(k.firstResponseAt) }) : t("dueAt", { when: when(k.responseDueAt) })}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** The staff queue's rows: ticket, company, urgency, SLA state, deadline, assignee. */
export function QueueTable({ tickets, empty, testId, timeZone }: { tickets: TicketListItemDto[]; empty: string; testId: string; timeZone: string }) {
  const t = useTranslations("supportTickets");
  const format = useFormatter();
  const headers = [t("ticket"), t("company"), { label: t("urgency"), className: "hidden sm:table-cell" }, t("slaState"), { label: t("responseDue"), className: "hidden md:table-cell" }, { label: t("assignee"), className: "hidden md:table-cell" }];
  return (
    <div data-testid={testId}>
      <Table headers={headers} empty={tickets.length === 0 ? empty : undefined}>
        {tickets.map((k) => (
          <tr key={k.id} data-testid="queue-row" className={k.aboutToBreach ? "bg-red-50/60" : undefined}>
            <Td>
              <Link href={`/staff/support/tickets/${k.id}`} className="break-words">
                <span className="whitespace-nowrap font-medium">{k.reference}</span> {k.subject}
              </Link>
              {k.status === "CLOSED" ? (
                <span className="ml-2">
                  <Badge>{t("statuses.CLOSED")}</Badge>
                </span>
              ) : null}
            </Td>
            <Td>{k.customerName}</Td>
            <Td className="hidden sm:table-cell">{t(`urgencies.${k.urgency}`)}</Td>
            <Td>
              <SlaBadge sla={k.sla} urgent={k.aboutToBreach} />
            </Td>
            <Td className="hidden whitespace-nowrap md:table-cell">{format.dateTime(new Date(k.responseDueAt), { dateStyle: "medium", timeStyle: "short", timeZone })}</Td>
            <Td className="hidden md:table-cell">{k.assigneeName ?? t("nobody")}</Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** The facts of a ticket: reference, urgency, status, when it came, its deadline and whether it was met. */
export function TicketFacts({ ticket, timeZone, staff = false }: { ticket: TicketDto; timeZone: string; staff?: boolean }) {
  const t = useTranslations("supportTickets");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const rows: [string, ReactNode][] = [
    [t("reference"), <span key="r" data-testid="ticket-reference">{ticket.reference}</span>],
    ...(staff ? ([[t("company"), <Link key="c" href={`/staff/customers/${ticket.customerId}`}>{ticket.customerName}</Link>]] as [string, ReactNode][]) : []),
    [t("requester"), ticket.requesterName ? `${ticket.requesterName} <${ticket.requesterEmail}>` : ticket.requesterEmail],
    [t("urgency"), t(`urgencies.${ticket.urgency}`)],
    [t("status"), t(`statuses.${ticket.status}`)],
    ...(staff ? ([[t("source"), t(`sources.${ticket.source}`)]] as [string, ReactNode][]) : []),
    [t("receivedAt"), when(ticket.receivedAt)],
    [t("responseDue"), when(ticket.responseDueAt)],
    [staff ? t("slaState") : t("response"), <SlaBadge key="s" sla={ticket.sla} />],
    ...(ticket.closedAt ? ([[t("closedAt"), when(ticket.closedAt)]] as [string, ReactNode][]) : []),
  ];
  // Label beside value where there is room; label above value on a phone and in the staff side panel.
  const columns = staff ? "grid-cols-1" : "grid-cols-1 sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-y-1";
  return (
    <div className="flex flex-col gap-2">
      <dl className={`grid gap-x-4 text-sm ${columns}`} data-testid="ticket-facts">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-xs text-slate-500 sm:text-sm">{label}</dt>
            <dd className={`mb-2 break-words ${staff ? "" : "sm:mb-0"}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{t("timesIn", { timeZone })}</p>
    </div>
  );
}

/** The messages of a ticket, oldest first; staff messages read "Support team" on the portal side. */
export function TicketConversation({ ticket, reader, timeZone }: { ticket: TicketDto; reader: "CUSTOMER" | "STAFF"; timeZone: string }) {
  const t = useTranslations("supportTickets");
  const format = useFormatter();
  return (
    <ol className="flex flex-col gap-3" aria-label={t("conversation")}>
      {ticket.messages.map((m) => {
        const mine = m.authorKind === reader;
        return (
          <li key={m.id} data-testid="ticket-message" className={`rounded-lg border p-4 ${mine ? "border-indigo-200 bg-indigo-50 sm:ml-12" : "border-slate-200 bg-white sm:mr-12"}`}>
            <p className="mb-2 flex flex-wrap justify-between gap-x-4 text-xs text-slate-600">
              <span className="font-semibold text-slate-800">{m.authorKind === "STAFF" ? `${m.authorName} · ${t("supportTeam")}` : m.authorName}</span>
              <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone })}</time>
            </p>
            <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
