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

export interface AuditEventDto {
  id: string;
  at: Date;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
}

export async function listRecentAuditEvents(db: Db, opts: { before?: bigint; take: number }): Promise<AuditEventDto[]> {
  const rows = await db.auditEvent.findMany({
    where: opts.before ? { id: { lt: opts.before } } : undefined,
    orderBy: { id: "desc" },
    take: opts.take,
    select: { id: true, at: true, action: true, actorEmail: true, targetType: true, targetId: true, ip: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
