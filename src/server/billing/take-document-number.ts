import { parts, type CalendarDate } from "@/domain/billing/calendar-date";
import { formatDocumentNumber } from "@/domain/billing/document-number";
import type { DocumentKind } from "@/generated/prisma/client";
import { numberingPattern, takeNextSequence } from "@/server/billing/document-sequence-repository";
import type { Db } from "@/server/db/types";

/** The next gapless number of a kind of document, for the year of its date. Call inside the issuing transaction. */
export async function takeDocumentNumber(tx: Db, kind: DocumentKind, documentDate: CalendarDate): Promise<string> {
  const { year } = parts(documentDate);
  const sequence = await takeNextSequence(tx, kind, year);
  return formatDocumentNumber(await numberingPattern(tx, kind), { year, sequence });
}
