import type { DocumentKind } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/**
 * Takes the next number of a per-year sequence. One statement creates the counter on first use or
 * increments it; the updated row stays locked until the surrounding transaction ends, so concurrent
 * issuers queue on it, and a rollback gives the number back: no gaps, no duplicates. Never max()+1.
 */
export async function takeNextSequence(db: Db, kind: DocumentKind, year: number): Promise<number> {
  const rows = await db.$queryRaw<{ seq: number }[]>`
    INSERT INTO document_sequences (kind, year, next_value) VALUES (${kind}::document_kind, ${year}, 2)
    ON CONFLICT (kind, year) DO UPDATE SET next_value = document_sequences.next_value + 1
    RETURNING next_value - 1 AS seq`;
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error("document sequence returned no row");
  return Number(seq);
}

export async function numberingPattern(db: Db, kind: DocumentKind): Promise<string> {
  const row = await db.numberingPattern.findUnique({ where: { kind } });
  if (!row) throw new Error(`no numbering pattern for ${kind}`);
  return row.pattern;
}
