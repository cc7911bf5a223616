import type { AuditEventListItemDto, TAuditListQuery } from "@/contracts/staff-lists";
import { addDays, calendarDate, toUtcMidnight } from "@/domain/billing/calendar-date";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import { type KeysetList, readKeysetPage } from "@/server/db/keyset-list";
import { likePattern } from "@/server/db/like-pattern";
import type { Db } from "@/server/db/types";

export interface AuditEntry {
  action: string;
  actorUserId?: string | null;
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string;
  customerId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonObject;
  at: Date;
}

/** Request context that travels with every audited use-case call. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      at: entry.at,
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      actorEmail: entry.actorEmail ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      customerId: entry.customerId ?? null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 500) ?? null,
      details: entry.details ?? {},
    },
  });
}

/**
 * The audit log, newest first in true time order: (at, id) DESC (ids are taken at insert, not at the
 * event's time), served exactly by audit_events_at_id_idx, and for one action by
 * audit_events_action_at_id_idx (migration 20261202070100_more_list_indexes). Filters: actor e-mail
 * (contains, any case: trigram index), exact action, a day range (UTC).
 */
const AUDIT_KEY = ["t.at", "t.id"] as const;

export type AuditListFilters = Pick<TAuditListQuery, "actor" | "action" | "from" | "to">;

export function auditList(f: AuditListFilters): KeysetList {
  const filters: Prisma.Sql[] = [];
  if (f.actor) filters.push(Prisma.sql`t.actor_email ILIKE ${likePattern(f.actor)}`);
  if (f.action) filters.push(Prisma.sql`t.action = ${f.action}`);
  if (f.from) filters.push(Prisma.sql`t.at >= ${toUtcMidnight(calendarDate(f.from)).toISOString()}::timestamptz`);
  if (f.to) filters.push(Prisma.sql`t.at < ${toUtcMidnight(addDays(calendarDate(f.to), 1)).toISOString()}::timestamptz`);
  return {
    table: "audit_events",
    idType: "bigint",
    key: AUDIT_KEY,
    order: "DESC",
    select: Prisma.sql`t.id::text AS id, t.at, t.action, t.actor_email AS "actorEmail", t.target_type AS "targetType", t.target_id AS "targetId",
      t.customer_id::text AS "customerId", t.ip`,
    scope: [],
    filters,
  };
}

/** One page of the audit log: one indexed statement whatever the page's depth. */
export async function listAuditEvents(db: Db, filters: AuditListFilters, page: PageRequest): Promise<CursorPage<AuditEventListItemDto>> {
  const read = await readKeysetPage<Omit<AuditEventListItemDto, "at"> & { at: Date }>(db, auditList(filters), page);
  return { ...read, items: read.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
