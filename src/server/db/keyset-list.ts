import { type CursorPage, cursorPageFrom, type PageRequest } from "@/domain/shared/cursor-page";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/**
 * One list read with keyset pagination in a single SQL statement. The list's sort key is a row of
 * expressions over the table alias `t`, all in the same direction, and ends with `t.id` so it is
 * unique; an index on exactly those expressions serves the ORDER BY, and the cursor comparison
 * `(key) < (key of the cursor row)` is an index condition, so any page costs an index seek plus
 * `limit + 1` rows, whatever its depth and the table's size.
 */
export interface KeysetList {
  /** The table the cursor id belongs to, e.g. `invoices`. */
  table: string;
  /** SQL cast of its id column (`uuid`, `bigint`). */
  idType: "uuid" | "bigint";
  /** Sort key expressions over alias `t` (constants from code, never user input), e.g. `t.created_at`. */
  key: readonly string[];
  order: "ASC" | "DESC";
  /** What to select, over `t` and the joins. */
  select: Prisma.Sql;
  /** Joins after `FROM <table> t` that filters need (columns only shown are scalar subqueries: list-search.ts). */
  joins?: Prisma.Sql;
  /** Conditions the caller may see at all (the customer scope); the cursor row must satisfy them too. */
  scope: Prisma.Sql[];
  /** Filters of this request. */
  filters: Prisma.Sql[];
}

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);

/** False when the cursor id names no row the caller may see (the API answers 400, pages start over). */
export async function cursorIsVisible(db: Db, list: Pick<KeysetList, "table" | "idType" | "scope">, id: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM ${Prisma.raw(list.table)} t WHERE t.id = ${id}::${Prisma.raw(list.idType)} AND ${and(list.scope)}) AS found`;
  return rows[0]?.found === true;
}

/**
 * The statement of one page: `limit + 1` rows after (or, reading backwards, before) the cursor row,
 * in scan order. Exported so benchmarks can run the very same SQL without the app (the floor).
 */
export function keysetStatement(list: KeysetList, req: PageRequest): Prisma.Sql {
  const backwards = Boolean(req.before);
  const cursor = req.before ?? req.after;
  const forwardOp = list.order === "DESC" ? "<" : ">";
  const op = backwards ? (forwardOp === "<" ? ">" : "<") : forwardOp;
  const scanOrder = backwards ? (list.order === "DESC" ? "ASC" : "DESC") : list.order;
  const keyRow = Prisma.raw(`(${list.key.join(", ")})`);
  const cursorKey = Prisma.raw(list.key.map((k) => k.replace(/\bt\./g, "cur.")).join(", "));
  const conditions = [...list.scope, ...list.filters];
  if (cursor) {
    conditions.push(Prisma.sql`${keyRow} ${Prisma.raw(op)} (SELECT ${cursorKey} FROM ${Prisma.raw(list.table)} cur WHERE cur.id = ${cursor}::${Prisma.raw(list.idType)})`);
  }
  const orderBy = Prisma.raw(list.key.map((k) => `${k} ${scanOrder}`).join(", "));
  return Prisma.sql`
    SELECT ${list.select} FROM ${Prisma.raw(list.table)} t ${list.joins ?? Prisma.empty}
    WHERE ${and(conditions)}
    ORDER BY ${orderBy}
    LIMIT ${req.limit + 1}`;
}

/**
 * Reads one page. `before` reads backwards (flipped comparison and order) and the rows are put back in
 * list order. A cursor naming no row the caller may see yields an empty page with `cursorFound`
 * false (checked by a primary-key lookup run alongside).
 */
export async function readKeysetPage<R>(db: Db, list: KeysetList, req: PageRequest): Promise<CursorPage<R>> {
  const cursor = req.before ?? req.after;
  const [rows, cursorFound] = await Promise.all([db.$queryRaw<R[]>(keysetStatement(list, req)), cursor ? cursorIsVisible(db, list, cursor) : true]);
  return cursorPageFrom(rows, req, cursorFound);
}

/**
 * How many rows match, counted up to `cap` + 1 only: exact when small, "more than `cap`" when not,
 * so a total never costs a count of a million rows.
 */
export const cappedCountStatement = (list: Pick<KeysetList, "table" | "joins" | "scope" | "filters">, cap: number): Prisma.Sql => Prisma.sql`
  SELECT count(*)::int AS n FROM (
    SELECT 1 FROM ${Prisma.raw(list.table)} t ${list.joins ?? Prisma.empty}
    WHERE ${and([...list.scope, ...list.filters])} LIMIT ${cap + 1}) limited`;

export async function cappedCount(db: Db, list: Pick<KeysetList, "table" | "joins" | "scope" | "filters">, cap: number): Promise<{ count: number; capped: boolean }> {
  const rows = await db.$queryRaw<{ n: number }[]>(cappedCountStatement(list, cap));
  const n = rows[0]?.n ?? 0;
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
