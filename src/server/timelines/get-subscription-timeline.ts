import { buildTimeline, type TimelineEntry } from "@/domain/timeline/timeline";
import type { Db } from "@/server/db/types";
import { subscriptionExists, subscriptionTimelineRows } from "@/server/timelines/timeline-repository";

/** A subscription's timeline for staff (API, back-office); null when unknown. */
export async function getSubscriptionTimeline(
  db: Db,
  subscriptionId: string,
): Promise<TimelineEntry[] | null> {
  if (!(await subscriptionExists(db, subscriptionId))) return null;
  return buildTimeline(await subscriptionTimelineRows(db, subscriptionId));
}
