import { type CustomerTimelineEntry, buildTimeline, customerTimeline } from "@/domain/timeline/timeline";
import type { Db } from "@/server/db/types";
import { invoiceTimelineRows, invoiceVisible } from "@/server/timelines/timeline-repository";

/**
 * What a customer sees of one of their invoices' timeline: issued, e-mailed, reminded, suspended,
 * reinstated, paid. Never the open/click evidence nor our internal causes. Another company's
 * invoice (or a draft) is null, like an unknown one.
 */
export async function getPortalInvoiceTimeline(
  db: Db,
  customerId: string,
  invoiceId: string,
): Promise<CustomerTimelineEntry[] | null> {
  if (!(await invoiceVisible(db, invoiceId, { customerId }))) return null;
  return customerTimeline(buildTimeline(await invoiceTimelineRows(db, invoiceId)));
}
