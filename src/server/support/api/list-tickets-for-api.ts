import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import type { Db } from "@/server/db/types";
import { type TicketApiRow, ticketApiView } from "@/server/support/api/ticket-api-views";

/**
 * Tickets for /api/v1, newest first by creation, id last: served by support_tickets_created_at_id_idx,
 * and for one customer by support_tickets_customer_id_created_at_id_idx.
 */
function ticketList(f: { customerId?: string; status?: "OPEN" | "CLOSED" }): KeysetList {
  const filters: Prisma.Sql[] = [];
  if (f.customerId) filters.push(Prisma.sql`t.customer_id = ${f.customerId}::uuid`);
  if (f.status) filters.push(Prisma.sql`t.status = ${f.status}::ticket_status`);
  return {
    table: "support_tickets",
    idType: "uuid",
    key: ["t.created_at", "t.id"],
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.number, t.customer_id::text AS "customerId", t.subject, t.urgency::text AS urgency,
      t.status::text AS status, t.source::text AS source, t.requester_id::text AS "requesterId", t.requester_email AS "requesterEmail",
      t.assigned_to_id::text AS "assigneeId", t.received_at AS "receivedAt", t.response_due_at AS "responseDueAt",
      t.first_response_at AS "firstResponseAt", t.closed_at AS "closedAt"`,
    scope: [],
    filters,
  };
}

export async function listTicketsForApi(db: Db, filters: { customerId?: string; status?: "OPEN" | "CLOSED" }, page: PageRequest): Promise<CursorPage<ReturnType<typeof ticketApiView>>> {
  const read = await readKeysetPage<TicketApiRow>(db, ticketList(filters), page);
  return { ...read, items: read.items.map(ticketApiView) };
}
