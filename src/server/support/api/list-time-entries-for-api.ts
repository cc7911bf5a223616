import type { ApiBody } from "@/contracts/api-responses";
import type { ZApiTimeEntry } from "@/contracts/api-responses-support";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

type TimeEntryApi = ApiBody<typeof ZApiTimeEntry>;

/**
 * Time entries, latest work first, then latest logged (support_time_entries_work_date_created_at_id_idx;
 * one customer's: support_time_entries_customer_id_work_date_created_at_id_idx).
 */
function timeEntryList(f: { customerId?: string; ticketId?: string; entryId?: string }): KeysetList {
  const filters: Prisma.Sql[] = [];
  if (f.customerId) filters.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.ticketId) filters.push(Prisma.sql`t.ticket_id = ${f.ticketId}::uuid`);
  if (f.entryId) filters.push(Prisma.sql`t.id = ${f.entryId}::uuid`);
  return {
    table: "support_time_entries",
    idType: "uuid",
    key: ["t.work_date", "t.created_at", "t.id"],
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.customer_id::text AS "customerId", t.ticket_id::text AS "ticketId",
      (SELECT number FROM support_tickets k WHERE k.id = t.ticket_id) AS "ticketNumber", t.technician_id::text AS "technicianId",
      t.work_date AS "workDate", t.actual_minutes AS "actualMinutes", t.urgency::text AS urgency, t.channel::text AS channel,
      t.activity::text AS activity, t.travel_km AS "travelKm", t.travel_minutes AS "travelMinutes", t.note,
      t.charged_minutes AS "chargedMinutes", t.bank_minutes AS "bankMinutes", t.billable_minutes AS "billableMinutes",
      t.travel_charged_minutes AS "travelChargedMinutes", t.travel_distance_minor AS "travelDistanceMinor",
      t.billed_invoice_id::text AS "billedInvoiceId", t.created_at AS "createdAt"`,
    scope: [],
    filters,
  };
}

interface Row extends Omit<TimeEntryApi, "ticketReference" | "workDate" | "travelDistanceMinor"> {
  ticketNumber: number;
  workDate: Date;
  travelDistanceMinor: bigint;
}

const view = ({ ticketNumber, ...r }: Row): TimeEntryApi => ({
  ...r,
  ticketReference: ticketReference(ticketNumber),
  workDate: dateFromDb(r.workDate),
  travelDistanceMinor: minorFromDb(r.travelDistanceMinor),
});

export async function listTimeEntriesForApi(db: Db, filters: { customerId?: string; ticketId?: string }, page: PageRequest): Promise<CursorPage<TimeEntryApi>> {
  const read = await readKeysetPage<Row>(db, timeEntryList(filters), page);
  return { ...read, items: read.items.map(view) };
}

export async function getTimeEntryForApi(db: Db, entryId: string): Promise<TimeEntryApi | null> {
  const read = await readKeysetPage<Row>(db, timeEntryList({ entryId }), { limit: 1 });
  const row = read.items[0];
  return row ? view(row) : null;
}
