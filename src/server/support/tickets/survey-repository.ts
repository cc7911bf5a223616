import type { Db } from "@/server/db/types";

/**
 * The satisfaction survey of a closed ticket (one per ticket). Closing again after a reopening sends
 * a fresh link: the row takes the new secret's hash and waits for a new answer.
 */
export async function putSurvey(db: Db, ticketId: string, tokenHash: string, now: Date): Promise<void> {
  await db.satisfactionSurvey.upsert({
    where: { ticketId },
    create: { ticketId, tokenHash, sentAt: now },
    update: { tokenHash, sentAt: now, score: null, comment: "", answeredAt: null },
  });
}

/** The survey a link's secret opens, with what the page names (reference, subject). */
export function findSurveyByHash(db: Db, tokenHash: string) {
  return db.satisfactionSurvey.findUnique({
    where: { tokenHash },
    select: { ticketId: true, score: true, comment: true, answeredAt: true, ticket: { select: { number: true, subject: true, customerId: true } } },
  });
}

/** Locks the survey row of a link (two clicks at once record one after the other); null for an unknown secret. */
export async function lockSurveyByHash(db: Db, tokenHash: string): Promise<{ ticketId: string } | null> {
  const rows = await db.$queryRaw<{ ticket_id: string }[]>`SELECT ticket_id::text FROM satisfaction_surveys WHERE token_hash = ${tokenHash} FOR UPDATE`;
  return rows[0] ? { ticketId: rows[0].ticket_id } : null;
}

export async function updateSurvey(db: Db, ticketId: string, data: { score?: number; comment?: string; answeredAt: Date }): Promise<void> {
  await db.satisfactionSurvey.update({ where: { ticketId }, data });
}

/** How many surveys went out and how many of each score came back. */
export async function surveyCounts(db: Db): Promise<{ sent: number; byScore: Map<number, number> }> {
  const [sent, groups] = await Promise.all([
    db.satisfactionSurvey.count(),
    db.satisfactionSurvey.groupBy({ by: ["score"], where: { score: { not: null } }, _count: { _all: true } }),
  ]);
  return { sent, byScore: new Map(groups.map((g) => [g.score ?? 0, g._count._all])) };
}

/** The latest answers that came with a comment. */
export function latestSurveyComments(db: Db, limit: number) {
  return db.satisfactionSurvey.findMany({
    where: { score: { not: null }, comment: { not: "" } },
    orderBy: [{ answeredAt: "desc" }, { ticketId: "asc" }],
    take: limit,
    select: { ticketId: true, score: true, comment: true, answeredAt: true, ticket: { select: { number: true, customer: { select: { legalName: true } } } } },
  });
}
