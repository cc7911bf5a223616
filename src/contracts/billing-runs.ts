import { z } from "zod";
import { ZCalendarDate } from "./billing";
import { ZPageQuery } from "./api";

/** POST /api/v1/billing-runs: the day to bill (each customer's own calendar day), and whether to only count. */
export const ZStartBillingRunInput = z.strictObject({
  asOf: ZCalendarDate,
  dryRun: z.boolean().default(false),
});
export type TStartBillingRunInput = z.infer<typeof ZStartBillingRunInput>;

export const ZBillingRunListQuery = ZPageQuery;
