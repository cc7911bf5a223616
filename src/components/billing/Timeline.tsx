import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { TimelineItemDto } from "@/contracts/timeline-views";
import { fmtMoney } from "@/domain/billing/display-format";
import type { TimelineKind } from "@/domain/timeline/timeline";

/** A glyph per kind (decorative: the label says the same), in a colour per family of events. */
const ICON: Record<TimelineKind, { glyph: string; tone: string }> = {
  CREATED: { glyph: "+", tone: "bg-slate-100 text-slate-700" },
  ISSUED: { glyph: "№", tone: "bg-indigo-100 text-indigo-800" },
  PERIOD_STARTED: { glyph: "↻", tone: "bg-slate-100 text-slate-700" },
  EMAILED: { glyph: "✉", tone: "bg-sky-100 text-sky-800" },
  DELIVERED: { glyph: "✓", tone: "bg-sky-100 text-sky-800" },
  OPENED: { glyph: "◉", tone: "bg-sky-100 text-sky-800" },
  CLICKED: { glyph: "↗", tone: "bg-sky-100 text-sky-800" },
  REMINDER_SENT: { glyph: "!", tone: "bg-amber-100 text-amber-800" },
  PAYMENT_RECORDED: { glyph: "€", tone: "bg-emerald-100 text-emerald-800" },
  CREDITED: { glyph: "−", tone: "bg-emerald-100 text-emerald-800" },
  VOIDED: { glyph: "×", tone: "bg-slate-200 text-slate-800" },
  SUSPENDED: { glyph: "‖", tone: "bg-red-100 text-red-800" },
  REINSTATED: { glyph: "▶", tone: "bg-emerald-100 text-emerald-800" },
  CYCLE_LENGTHENED: { glyph: "⇥", tone: "bg-slate-100 text-slate-700" },
  TERMINATED: { glyph: "■", tone: "bg-red-100 text-red-800" },
  CANCELLED: { glyph: "■", tone: "bg-slate-200 text-slate-800" },
};

/**
 * A vertical list of what happened, oldest first, each with its local date and time. The cause is
 * shown when the page passes one (staff); `emailHref` links an e-mail event to its outbox page.
 */
export function Timeline({
  items,
  emailHref,
}: {
  items: TimelineItemDto[];
  emailHref?: (emailId: string) => string;
}) {
  const t = useTranslations("timeline");
  const format = useFormatter();
  const locale = useLocale();
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ol className="relative ml-3 border-l border-slate-200" data-testid="timeline">
      {items.map((item, i) => {
        const icon = ICON[item.kind];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own and never reorder
          <li key={i} className="mb-4 ml-5 last:mb-0" data-testid="timeline-entry" data-kind={item.kind}>
            <span
              aria-hidden="true"
              className={`absolute -left-3 flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ring-4 ring-white ${icon.tone}`}
            >
              {icon.glyph}
            </span>
            <p className="text-sm font-medium">
              {t(`kinds.${item.kind}`)}
              {item.amount ? (
                <span className="ml-1 tabular-nums">
                  {fmtMoney(item.amount.minor, item.amount.currency, locale)}
                </span>
              ) : null}
            </p>
            <p className="text-xs text-slate-600">
              <time dateTime={item.at.toISOString()}>
                {format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {item.cause ? <span className="break-words"> · {item.cause}</span> : null}
              {item.emailId && emailHref ? (
                <>
                  {" · "}
                  <Link href={emailHref(item.emailId)}>{t("openEmail")}</Link>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
