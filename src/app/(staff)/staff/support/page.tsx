import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TICKET_STATUS_FILTERS, TICKET_URGENCY_FILTERS, type TTicketQueueFilter, ZTicketQueueFilter } from "@/contracts/support-tickets";
import { QueueTable } from "@/components/support/TicketViews";
import { buttonClass, Card } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { deskTimeZone, ticketQueue } from "@/server/support/tickets/ticket-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets");
  return { title: t("queueTitle") };
}

const hrefOf = (f: TTicketQueueFilter) => {
  const q = new URLSearchParams();
  if (f.status !== "open") q.set("status", f.status);
  if (f.urgency !== "all") q.set("urgency", f.urgency);
  const s = q.toString();
  return s ? `/staff/support?${s}` : "/staff/support";
};

function Chip({ href, current, label }: { href: string; current: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-full border px-3 py-1 text-sm no-underline ${current ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 text-slate-700"}`}
    >
      {label}
    </Link>
  );
}

/**
 * The support queue: the tickets about to breach (no response yet, due within the hour or overdue)
 * on top, then the others by response deadline. Filters live in the URL.
 */
export default async function SupportQueuePage({ searchParams }: { searchParams: Promise<{ status?: string; urgency?: string }> }) {
  await requireStaff("SUPPORT");
  const filter = ZTicketQueueFilter.parse(await searchParams);
  const [queue, timeZone] = await Promise.all([ticketQueue(getDb(), filter, new Date()), deskTimeZone(getDb())]);
  const t = await getTranslations("supportTickets");
  return (
    <div className="flex flex-col gap-4">
      <Card
        level={1}
        title={t("queueTitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/staff/support/surveys" className="text-sm">
              {t("surveys.title")}
            </Link>
            <Link href="/staff/support/tickets/new" className={`${buttonClass} no-underline`}>
              {t("newPhoneTicket")}
            </Link>
          </div>
        }
      >
        <p className="mb-4 text-sm text-slate-600">{t("queueIntro")}</p>
        <div className="mb-4 flex flex-col gap-2">
          <nav aria-label={t("filters.status")} className="flex flex-wrap items-center gap-2">
            <span className="text-xs uppercase text-slate-500">{t("filters.status")}</span>
            {TICKET_STATUS_FILTERS.map((s) => (
              <Chip key={s} href={hrefOf({ ...filter, status: s })} current={filter.status === s} label={t(`filters.statuses.${s}`)} />
            ))}
          </nav>
          <nav aria-label={t("filters.urgency")} className="flex flex-wrap items-center gap-2">
            <span className="text-xs uppercase text-slate-500">{t("filters.urgency")}</span>
            {TICKET_URGENCY_FILTERS.map((u) => (
              <Chip key={u} href={hrefOf({ ...filter, urgency: u })} current={filter.urgency === u} label={u === "all" ? t("filters.allUrgencies") : t(`urgencies.${u}`)} />
            ))}
          </nav>
        </div>
        {queue.aboutToBreach.length > 0 ? (
          <section className="mb-6 rounded-md border border-red-200 p-3" aria-labelledby="about-to-breach">
            <h2 id="about-to-breach" className="mb-2 text-red-800">
              {t("aboutToBreach", { count: queue.aboutToBreach.length })}
            </h2>
            <QueueTable tickets={queue.aboutToBreach} empty="" testId="queue-breaching" timeZone={timeZone} />
          </section>
        ) : null}
        <QueueTable tickets={queue.rest} empty={queue.aboutToBreach.length > 0 ? t("nothingElse") : t("queueEmpty")} testId="queue-rest" timeZone={timeZone} />
        <p className="mt-2 text-xs text-slate-500">{t("timesIn", { timeZone })}</p>
      </Card>
    </div>
  );
}
