import type { AuditEventListItemDto, KeysetPage, TAuditListQuery } from "@/contracts/staff-lists";
import { addDays, calendarDate, toUtcMidnight } from "@/domain/billing/calendar-date";
import { keysetPage } from "@/domain/shared/keyset-cursor";
import type { Prisma } from "@/generated/prisma/client";
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
 * The audit log page: newest first in true time order (at DESC, id DESC, served by
 * audit_events_at_id_idx; ids are taken at insert, not at the event's time), filtered by actor
 * e-mail (contains, any case), exact action and a day range (UTC), keyset-paginated.
 */
export async function listAuditEvents(
  db: Db,
  query: TAuditListQuery,
  take: number,
): Promise<KeysetPage<AuditEventListItemDto>> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.actor) and.push({ actorEmail: { contains: query.actor, mode: "insensitive" } });
  if (query.action) and.push({ action: query.action });
  if (query.from || query.to) and.push({ at: { ...(query.from ? { gte: toUtcMidnight(calendarDate(query.from)) } : {}), ...(query.to ? { lt: toUtcMidnight(addDays(calendarDate(query.to), 1)) } : {}) } });
  if (query.after) {
    const key = new Date(query.after.key);
    const id = BigInt(query.after.id);
    and.push({ OR: [{ at: { lt: key } }, { at: key, id: { lt: id } }] });
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: and },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, at: true, action: true, actorEmail: true, targetType: true, targetId: true, customerId: true, ip: true },
  });
  return keysetPage(
    rows,
    take,
    (r) => ({ key: r.at.toISOString(), id: r.id.toString() }),
    (r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }),
  );
}
