/**
 * Keyset pagination cursors: the sort key of the last row shown and its id (the unique
 * tie-breaker), as "key~id". The next page asks for rows strictly after that pair, so rows
 * inserted meanwhile never shift a page and nothing is shown twice.
 */
export interface KeysetCursor {
  key: string;
  id: string;
}

export const encodeCursor = (c: KeysetCursor): string => `${c.key}~${c.id}`;

/** Null when the text is not a cursor this app wrote (a bad cursor means "first page"). */
export function decodeCursor(text: string, key: RegExp, id: RegExp): KeysetCursor | null {
  const at = text.lastIndexOf("~");
  if (at <= 0) return null;
  const c = { key: text.slice(0, at), id: text.slice(at + 1) };
  return key.test(c.key) && id.test(c.id) ? c : null;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const BIGINT_ID_RE = /^[1-9][0-9]{0,18}$/;
export const DATE_KEY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT_KEY_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * One page from the `take + 1` rows a keyset query fetched: the extra row only says that a next page
 * exists, whose cursor is the last row shown.
 */
export function keysetPage<R, T>(rows: readonly R[], take: number, cursorOf: (row: R) => KeysetCursor, toItem: (row: R) => T): { items: T[]; next: string | null } {
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return { items: page.map(toItem), next: rows.length > take && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
