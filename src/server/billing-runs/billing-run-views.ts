import type { BillingPreviewDto, BillingRunViewDto, PreviewActionKind } from "@/contracts/billing-run-views";
import { addDays, type CalendarDate, compareDates } from "@/domain/billing/calendar-date";
import type { ScheduledAction } from "@/domain/billing/schedule-model";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { UUID_RE } from "@/domain/shared/row-ids";
import { billingRunDto } from "@/server/billing-runs/billing-run-dto";
import { type BillingRunRow, findRun, listRuns } from "@/server/billing-runs/billing-run-repository";
import { previewBilling } from "@/server/billing-runs/preview-billing";
import type { Db } from "@/server/db/types";

/**
 * The back-office's reads of billing runs: a run with its progress and the names of the customers it
 * could not bill, the list of runs, and the preview of the coming days with names instead of ids.
 */
async function customerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { id: string; name: string }[]
  >`SELECT id::text AS id, legal_name AS name FROM customers WHERE id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
}

function runView(r: BillingRunRow, names: Map<string, string>): BillingRunViewDto {
  const dto = billingRunDto(r);
  return {
    ...dto,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    customersTotal: r.customersTotal,
    customersDone: r.customersDone,
    errors: dto.errors.map((e) => ({
      ...e,
      customerName: e.customerId ? (names.get(e.customerId) ?? null) : null,
    })),
  };
}

export async function getBillingRunView(db: Db, runId: string): Promise<BillingRunViewDto | null> {
  const run = await findRun(db, runId);
  if (!run) return null;
  const ids = billingRunDto(run).errors.flatMap((e) => (e.customerId ? [e.customerId] : []));
  return runView(run, await customerNames(db, ids.slice(0, 500)));
}

export async function listBillingRunViews(db: Db, page: PageRequest): Promise<CursorPage<BillingRunViewDto>> {
  const runs = await listRuns(db, page);
  return { ...runs, items: runs.items.map((r) => runView(r, new Map())) };
}

const EMPTY_DAY: Record<PreviewActionKind, number> = {
  ISSUE_RENEWAL: 0,
  START_PERIOD: 0,
  SEND_REMINDER: 0,
  SUSPEND: 0,
  SUSPEND_ALL: 0,
  TERMINATE: 0,
};

/**
 * The invoice an action is about, when it exists: in the simulation an invoice issued on an earlier
 * simulated day is named by its key (renewal:…), since it has no row yet.
 */
const existingInvoiceId = (a: ScheduledAction): string | null =>
  "invoiceId" in a && a.invoiceId && UUID_RE.test(a.invoiceId) ? a.invoiceId : null;

function subscriptionIdsOf(a: ScheduledAction): readonly string[] {
  if (a.kind === "ISSUE_RENEWAL") return a.lines.map((l) => l.subscriptionId);
  if (a.kind === "START_PERIOD") return [a.subscriptionId];
  if (a.kind === "SEND_REMINDER") return [];
  return a.subscriptionIds;
}

/**
 * What the next `days` days of billing would do, changing nothing. Actions already due before
 * `today` (runs were missed) are shown on `today`: the next run does them.
 */
export async function previewComingDays(
  db: Db,
  today: CalendarDate,
  days: number,
): Promise<BillingPreviewDto> {
  const to = addDays(today, days);
  const preview = await previewBilling(db, to, { from: today, detailLimit: 100 });
  const byDay = new Map<CalendarDate, Record<PreviewActionKind, number>>();
  for (let d = today; compareDates(d, to) <= 0; d = addDays(d, 1)) byDay.set(d, { ...EMPTY_DAY });
  for (const [on, counts] of preview.byDay) {
    const day = byDay.get(compareDates(on, today) < 0 ? today : on);
    if (day) for (const k of Object.keys(counts) as PreviewActionKind[]) day[k] += counts[k];
  }
  const subscriptionIds = [
    ...new Set(preview.customers.flatMap((c) => c.actions.flatMap(subscriptionIdsOf))),
  ];
  const invoiceIds = [
    ...new Set(preview.customers.flatMap((c) => c.actions.flatMap((a) => existingInvoiceId(a) ?? []))),
  ];
  const [names, subs, invoices] = await Promise.all([
    customerNames(db, [
      ...new Set([...preview.customers.map((c) => c.customerId), ...preview.errors.map((e) => e.customerId)]),
    ]),
    db.$queryRaw<
      { id: string; description: string }[]
    >`SELECT id::text AS id, description FROM subscriptions WHERE id = ANY(${subscriptionIds}::uuid[])`,
    db.$queryRaw<
      { id: string; number: string | null }[]
    >`SELECT id::text AS id, number FROM invoices WHERE id = ANY(${invoiceIds}::uuid[])`,
  ]);
  const subName = new Map(subs.map((s) => [s.id, s.description]));
  const invoiceNumber = new Map(invoices.map((i) => [i.id, i.number]));
  return {
    from: today,
    to,
    customersRead: preview.customersRead,
    counts: preview.counts,
    days: [...byDay].map(([on, counts]) => ({ on, ...counts })),
    customers: preview.customers.map((c) => ({
      customerId: c.customerId,
      customerName: names.get(c.customerId) ?? c.customerId,
      actions: c.actions.map((a) => ({
        kind: a.kind,
        on: compareDates(a.on, today) < 0 ? today : a.on,
        subscriptionIds: [...subscriptionIdsOf(a)],
        subscriptions: subscriptionIdsOf(a).map((id) => subName.get(id) ?? id),
        invoiceId: existingInvoiceId(a),
        invoiceNumber: invoiceNumber.get(existingInvoiceId(a) ?? "") ?? null,
      })),
    })),
    errors: preview.errors.map((e) => ({ ...e, customerName: names.get(e.customerId) ?? e.customerId })),
  };
}
