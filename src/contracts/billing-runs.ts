import { z } from "zod";
import { ZCalendarDate } from "./billing";
import { ZPageQuery } from "./api";
import { ZListCursor } from "./list-cursor";

/** POST /api/v1/billing-runs: the day to bill (each customer's own calendar day), and whether to only count. */
export const ZStartBillingRunInput = z.strictObject({
  asOf: ZCalendarDate,
  dryRun: z.boolean().default(false),
});
export type TStartBillingRunInput = z.infer<typeof ZStartBillingRunInput>;

export const ZBillingRunListQuery = ZPageQuery;

/** The back-office's "Start a billing run" form: the day, and the "count only" checkbox. */
export const ZStartBillingRunForm = z.object({
  asOf: ZCalendarDate,
  dryRun: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** The back-office lists of runs and the preview: a cursor, and how many days ahead to preview (1-90). */
export const ZBillingRunPageQuery = ZListCursor;
export const ZBillingPreviewQuery = z.object({
  days: z.coerce.number().int().min(0).max(90).catch(14),
});

/** GET /api/v1/billing-preview: how many days ahead of today (the billing time zone's) to preview. */
export const ZApiBillingPreviewQuery = z.object({
  days: z.coerce.number().int().min(0).max(90).default(14),
});
