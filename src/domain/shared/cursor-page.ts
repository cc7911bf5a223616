/**
 * Cursor (keyset) pagination, Stripe style: a page is asked for as "`limit` rows after the row with
 * id X" or "before the row with id X", never as an offset. The database seeks straight to X's sort
 * key through an index, so page 50,000 costs what page 1 costs, and rows inserted meanwhile never
 * shift a page (nothing is shown twice or skipped).
 */
export interface PageRequest {
  limit: number;
  /** Rows that come after this id in list order (the next page). */
  after?: string;
  /** Rows that come before this id in list order (the previous page). */
  before?: string;
}

export type PageDirection = "first" | "after" | "before";

export const directionOf = (req: PageRequest): PageDirection => (req.before ? "before" : req.after ? "after" : "first");

export interface CursorPage<T> {
  items: T[];
  /** More rows exist beyond this page in the direction it was read (Stripe's `has_more`). */
  hasMore: boolean;
  direction: PageDirection;
  /** False when the cursor named no row the reader may see (the API answers 400; screens show the first-page link). */
  cursorFound: boolean;
}

/**
 * A page from the `limit + 1` rows a keyset query read in its scan order (reversed when reading
 * backwards): the extra row only says that more exist. Items come back in list order.
 */
export function cursorPageFrom<R>(scanned: readonly R[], req: PageRequest, cursorFound = true): CursorPage<R> {
  const direction = directionOf(req);
  const page = scanned.slice(0, req.limit);
  return { items: direction === "before" ? page.reverse() : page, hasMore: scanned.length > req.limit, direction, cursorFound };
}

/**
 * The links a page offers: the previous page (rows before the first one shown) and the next page
 * (rows after the last one). Reading forwards, a previous page exists whenever we did not start at
 * the top; reading backwards, a next page always exists (the row we came from).
 */
export function pageLinks<T>(page: CursorPage<T>, idOf: (item: T) => string): { previous: string | null; next: string | null; onLaterPage: boolean } {
  const first = page.items[0];
  const last = page.items.at(-1);
  const hasPrevious = page.direction === "after" || (page.direction === "before" && page.hasMore);
  const hasNext = page.direction === "before" || page.hasMore;
  return {
    previous: hasPrevious && first !== undefined ? idOf(first) : null,
    next: hasNext && last !== undefined ? idOf(last) : null,
    onLaterPage: page.direction !== "first",
  };
}
