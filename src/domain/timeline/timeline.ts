import { addDays, type CalendarDate } from "@/domain/billing/calendar-date";
import { currencyExponent } from "@/domain/billing/money";

/**
 * Invoice and subscription timelines: what happened, when, and why, from the ledger's own rows
 * (issue and void timestamps, payments, credit notes, status changes, e-mails and their evidence)
 * and from the billing events only the billing run writes. Pure: the rows arrive read, this file
 * orders them, words their cause and decides what a customer may see.
 */
export const TIMELINE_KINDS = [
  "CREATED",
  "ISSUED",
  "PERIOD_STARTED",
  // A reminder is decided, then e-mailed, in one transaction: the decision reads first.
  "REMINDER_SENT",
  "EMAILED",
  "DELIVERED",
  "OPENED",
  "CLICKED",
  "PAYMENT_RECORDED",
  "CREDITED",
  "VOIDED",
  "SUSPENDED",
  "REINSTATED",
  "CYCLE_LENGTHENED",
  "TERMINATED",
  "CANCELLED",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const isTimelineKind = (k: string): k is TimelineKind =>
  (TIMELINE_KINDS as readonly string[]).includes(k);

/** One row as the timeline query returns it: `source` is the raw cause (a code, a reason, a template). */
export interface TimelineRow {
  at: Date;
  kind: string;
  source: string | null;
  invoiceId: string | null;
  subscriptionId: string | null;
  emailId: string | null;
  details: Record<string, unknown>;
}

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  /** Human-readable, in English (the API's language); pages translate the kind and show this as the detail. */
  cause: string;
  invoiceId?: string;
  subscriptionId?: string;
  emailId?: string;
  details?: Record<string, unknown>;
}

/** Several things happen in one transaction (issue, e-mail): at the same instant they read in this order. */
const RANK = Object.fromEntries(TIMELINE_KINDS.map((k, i) => [k, i])) as Record<TimelineKind, number>;

const str = (v: unknown) =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "bigint" ? String(v) : "";

/** 12000 EUR minor units → "120.00 EUR"; a currency we do not know prints its minor units. */
export function plainAmount(minor: unknown, currency: unknown): string {
  const c = str(currency);
  const n = typeof minor === "number" ? minor : Number(str(minor));
  if (!Number.isFinite(n)) return c;
  let exponent = 2;
  try {
    exponent = currencyExponent(c);
  } catch {
    return `${n} ${c}`.trim();
  }
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.abs(n)).padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return `${sign}${whole} ${c}`;
}

const TEMPLATE_NAMES: Record<string, string> = {
  renewalInvoice: "invoice e-mail",
  paymentReminder: "payment reminder e-mail",
};

/** "billing run 2026-12-02" when a run did it, else what the row says. */
const byRun = (d: Record<string, unknown>, fallback: string) =>
  d.runAsOf ? `billing run ${str(d.runAsOf)}` : fallback;

/** The half-open period [start, end) as people read it: both days included. */
function inclusivePeriod(p: unknown): string {
  if (!p || typeof p !== "object") return "";
  const { start, end } = p as { start?: unknown; end?: unknown };
  if (typeof start !== "string" || typeof end !== "string") return "";
  return `${start} to ${addDays(end as CalendarDate, -1)}`;
}

export function causeOf(row: TimelineRow & { kind: TimelineKind }): string {
  const d = row.details;
  const source = row.source ?? "";
  switch (row.kind) {
    case "ISSUED":
      return byRun(d, d.manual ? "manual" : "automatic");
    case "VOIDED":
      return "manual";
    case "PAYMENT_RECORDED":
      return `payment ${str(d.method)} ${plainAmount(d.amountMinor, d.currency)}`;
    case "CREDITED":
      return `credit note ${str(d.number)} ${plainAmount(d.grossMinor, d.currency)}`;
    case "EMAILED": {
      const what = TEMPLATE_NAMES[source] ?? `${source} e-mail`;
      return `${what} to ${str(d.to)}${d.status === "CAPTURED" ? " (kept in the outbox: no SMTP server)" : ""}`;
    }
    case "DELIVERED":
      return d.smtpResponse
        ? `accepted by the mail server: ${str(d.smtpResponse)}`
        : "accepted by the mail server";
    case "OPENED":
      return Number(d.count) > 1 ? `e-mail opened (${str(d.count)} times)` : "e-mail opened";
    case "CLICKED":
      return `link followed: ${str(d.link)}${Number(d.count) > 1 ? ` (${str(d.count)} times)` : ""}`;
    case "REMINDER_SENT":
      return `${byRun(d, "automatic")}: invoice unpaid`;
    case "PERIOD_STARTED":
      return `${byRun(d, "automatic")}: period ${inclusivePeriod(d.period)}`;
    case "CYCLE_LENGTHENED":
      return `after reinstatement: ${str(d.from)} to ${str(d.to)}`;
    default:
      // Status changes and dunning steps keep the reason they were recorded with.
      return d.manual ? `manual: ${source}` : d.runAsOf ? `${byRun(d, "")}: ${source}` : source;
  }
}

/** Oldest first; at one instant, in the order things happen (issued, then e-mailed, then ...). */
export function buildTimeline(rows: readonly TimelineRow[]): TimelineEntry[] {
  return rows
    .filter((r): r is TimelineRow & { kind: TimelineKind } => isTimelineKind(r.kind))
    .map((r) => ({
      at: r.at,
      kind: r.kind,
      cause: causeOf(r),
      ...(r.invoiceId ? { invoiceId: r.invoiceId } : {}),
      ...(r.subscriptionId ? { subscriptionId: r.subscriptionId } : {}),
      ...(r.emailId ? { emailId: r.emailId } : {}),
      ...(Object.keys(r.details).length > 0 ? { details: r.details } : {}),
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || RANK[a.kind] - RANK[b.kind]);
}

/** What a customer sees of their invoice: no tracking evidence, no internal causes, no ids of ours. */
const CUSTOMER_KINDS: ReadonlySet<TimelineKind> = new Set([
  "ISSUED",
  "EMAILED",
  "REMINDER_SENT",
  "PAYMENT_RECORDED",
  "CREDITED",
  "VOIDED",
  "SUSPENDED",
  "REINSTATED",
  "TERMINATED",
]);

export interface CustomerTimelineEntry {
  at: Date;
  kind: TimelineKind;
  /** Only what the customer already knows from their own documents: a payment's or credit note's amount. */
  amount?: { minor: number; currency: string };
}

export function customerTimeline(entries: readonly TimelineEntry[]): CustomerTimelineEntry[] {
  return (
    entries
      .filter((e) => CUSTOMER_KINDS.has(e.kind))
      // A reminder is shown once, as REMINDER_SENT, not again as the e-mail that carried it.
      .filter((e) => !(e.kind === "EMAILED" && e.details?.template === "paymentReminder"))
      .map((e) => {
        const minor =
          e.kind === "PAYMENT_RECORDED"
            ? e.details?.amountMinor
            : e.kind === "CREDITED"
              ? e.details?.grossMinor
              : undefined;
        const currency = e.details?.currency;
        return typeof minor === "number" && typeof currency === "string"
          ? { at: e.at, kind: e.kind, amount: { minor, currency } }
          : { at: e.at, kind: e.kind };
      })
  );
}
