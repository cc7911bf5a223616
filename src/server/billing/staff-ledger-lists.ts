import type { CreditNoteListItemDto, KeysetPage, PaymentListItemDto, TCreditNoteListQuery, TPaymentListQuery } from "@/contracts/staff-lists";
import { type CalendarDate, calendarDate, toUtcMidnight } from "@/domain/billing/calendar-date";
import { keysetPage } from "@/domain/shared/keyset-cursor";
import type { Prisma } from "@/generated/prisma/client";
import { dateFromDb, minorFromDb } from "@/server/billing/ledger-values";
import type { Db } from "@/server/db/types";

/** Days [from, to], inclusive (the contract has checked they are real calendar days). */
const dayRange = (from?: string, to?: string) =>
  from || to ? { ...(from ? { gte: toUtcMidnight(calendarDate(from)) } : {}), ...(to ? { lte: toUtcMidnight(calendarDate(to)) } : {}) } : undefined;

/**
 * The back-office list of credit notes, newest first (issue_date DESC, id DESC, served by
 * credit_notes_issue_date_id_idx), keyset-paginated: take + 1 rows, no count.
 */
export async function listCreditNotesForStaff(db: Db, query: TCreditNoteListQuery, take: number): Promise<KeysetPage<CreditNoteListItemDto>> {
  const and: Prisma.CreditNoteWhereInput[] = [];
  if (query.customerId) and.push({ customerId: query.customerId });
  if (query.q) and.push({ OR: [{ number: { contains: query.q, mode: "insensitive" } }, { customer: { legalName: { contains: query.q, mode: "insensitive" } } }] });
  const issueDate = dayRange(query.from, query.to);
  if (issueDate) and.push({ issueDate });
  if (query.after) {
    const key = toUtcMidnight(query.after.key as CalendarDate);
    and.push({ OR: [{ issueDate: { lt: key } }, { issueDate: key, id: { lt: query.after.id } }] });
  }
  const rows = await db.creditNote.findMany({
    where: { AND: and },
    orderBy: [{ issueDate: "desc" }, { id: "desc" }],
    take: take + 1,
    include: { invoice: { select: { id: true, number: true } }, customer: { select: { legalName: true } } },
  });
  return keysetPage(
    rows,
    take,
    (r) => ({ key: dateFromDb(r.issueDate), id: r.id }),
    (r) => ({
      id: r.id,
      number: r.number,
      customerId: r.customerId,
      customerName: r.customer.legalName,
      invoice: r.invoice,
      currency: r.currency,
      issueDate: dateFromDb(r.issueDate),
      grossMinor: minorFromDb(r.grossMinor),
      reason: r.reason,
    }),
  );
}

/**
 * The back-office list of payments, newest first (received_on DESC, id DESC, served by
 * payments_received_on_id_idx), keyset-paginated. Search: reference, invoice number, customer name.
 */
export async function listPaymentsForStaff(db: Db, query: TPaymentListQuery, take: number): Promise<KeysetPage<PaymentListItemDto>> {
  const and: Prisma.PaymentWhereInput[] = [];
  if (query.method) and.push({ method: query.method });
  if (query.customerId) and.push({ customerId: query.customerId });
  if (query.q) {
    and.push({
      OR: [
        { reference: { contains: query.q, mode: "insensitive" } },
        { invoice: { number: { contains: query.q, mode: "insensitive" } } },
        { customer: { legalName: { contains: query.q, mode: "insensitive" } } },
      ],
    });
  }
  const receivedOn = dayRange(query.from, query.to);
  if (receivedOn) and.push({ receivedOn });
  if (query.after) {
    const key = toUtcMidnight(query.after.key as CalendarDate);
    and.push({ OR: [{ receivedOn: { lt: key } }, { receivedOn: key, id: { lt: query.after.id } }] });
  }
  const rows = await db.payment.findMany({
    where: { AND: and },
    orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
    take: take + 1,
    include: { invoice: { select: { id: true, number: true } }, customer: { select: { legalName: true } } },
  });
  return keysetPage(
    rows,
    take,
    (r) => ({ key: dateFromDb(r.receivedOn), id: r.id }),
    (r) => ({
      id: r.id,
      customerId: r.customerId,
      customerName: r.customer.legalName,
      invoice: r.invoice,
      method: r.method,
      reference: r.reference,
      currency: r.currency,
      receivedOn: dateFromDb(r.receivedOn),
      amountMinor: minorFromDb(r.amountMinor),
    }),
  );
}
