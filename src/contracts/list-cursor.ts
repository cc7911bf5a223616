import { z } from "zod";
import { isBigintId, UUID_RE } from "@/domain/shared/row-ids";

/**
 * Where a page of a screen's list starts: after (next page) or before (previous page) the row with
 * this id. A malformed cursor in a bookmarked URL means "the first page", not an error screen.
 */
const cursorId = z.string().regex(UUID_RE).optional().catch(undefined);
export const ZListCursor = z.object({ after: cursorId, before: cursorId });

/** The same for lists of rows with bigint ids (the audit log): a positive bigint in decimal. */
const bigintCursorId = z
  .string()
  .refine((v) => isBigintId(v))
  .optional()
  .catch(undefined);
export const ZBigintListCursor = z.object({ after: bigintCursorId, before: bigintCursorId });

/** The page request of a screen list from its parsed query. */
export const pageRequest = (q: { after?: string; before?: string }, limit: number) => (q.before ? { limit, before: q.before } : q.after ? { limit, after: q.after } : { limit });

/** The links under a list page (ids of the rows to page from), as `pageLinks` computes them. */
export interface ListPageLinks {
  previous: string | null;
  next: string | null;
  onLaterPage: boolean;
}
