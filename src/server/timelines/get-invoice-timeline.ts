import { buildTimeline, type TimelineEntry } from "@/domain/timeline/timeline";
import type { Db } from "@/server/db/types";
import { invoiceTimelineRows, invoiceVisible } from "@/server/timelines/timeline-repository";

/** An invoice's whole timeline for staff (API, back-office), e-mail evidence included; null when unknown. */
export async function getInvoiceTimeline(db: Db, invoiceId: string): Promise<TimelineEntry[] | null> {
  if (!(await invoiceVisible(db, invoiceId, { staff: true }))) return null;
  return buildTimeline(await invoiceTimelineRows(db, invoiceId));
}
