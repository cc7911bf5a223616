import { addDays, type CalendarDate, todayIn } from "@/domain/billing/calendar-date";
import { statusAfterSettlement, transitionInvoice } from "@/domain/billing/invoice-state";
import { computeDocumentTotals } from "@/domain/billing/tax";
import { DomainError } from "@/domain/shared/domain-error";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { recordBillingEvent } from "@/server/billing/billing-event-repository";
import {
  customerForInvoicing,
  insertTaxLines,
  invoiceLinesForIssue,
  lockInvoice,
  markInvoiceIssued,
} from "@/server/billing/invoice-repository";
import { dateToDb, minorFromDb, minorToDb } from "@/server/billing/ledger-values";
import { sellerSnapshotOf } from "@/server/billing/seller-snapshot";
import { takeDocumentNumber } from "@/server/billing/take-document-number";
import type { Db, RootDb } from "@/server/db/types";
import { getCompanySettings } from "@/server/settings/get-company-settings";

/**
 * Issues a draft inside the caller's transaction: totals per tax rate, the buyer and the seller as
 * printed, the next gapless number, issue date = today in the customer's time zone. After this the
 * invoice is frozen (a database trigger refuses any later change but its settlement, and refuses an
 * invoice issued without its seller).
 */
export async function issueInvoiceInTransaction(
  tx: Db,
  actor: StaffActor | null,
  invoiceId: string,
  now: Date,
  /** Renewals set both: issued on the run's day for the customer, due on the renewal date. */
  dates?: { issueDate: CalendarDate; dueDate: CalendarDate },
): Promise<{ number: string }> {
  // Payment terms and the seller come from Settings → Company (terms until customer groups configure
  // their own). Read before any row lock: on a fresh database this read inserts the settings row, and
  // taking that lock first in every issuing transaction keeps the lock order the same for all of them.
  const company = await getCompanySettings(tx);
  const { paymentTermsDays } = company;
  const invoice = await lockInvoice(tx, invoiceId);
  if (!invoice) throw new DomainError("NOT_FOUND", { entity: "invoice" });
  if (invoice.status !== "DRAFT") throw new DomainError("INVOICE_ALREADY_ISSUED", { number: invoice.number });
  const lines = await invoiceLinesForIssue(tx, invoiceId);
  if (lines.length === 0) throw new DomainError("EMPTY_INVOICE");
  const totals = computeDocumentTotals(lines.map((l) => ({ netMinor: minorFromDb(l.netMinor), taxRateBp: l.taxRateBp })));
  if (totals.grossMinor < 0) throw new DomainError("VALIDATION_FAILED", { reason: "NEGATIVE_TOTAL" });
  const customer = await customerForInvoicing(tx, invoice.customer_id);
  if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer" });

  const issueDate = dates?.issueDate ?? todayIn(customer.timeZone, now);
  const dueDate = dates?.dueDate ?? addDays(issueDate, paymentTermsDays);
  const number = await takeDocumentNumber(tx, "INVOICE", issueDate);
  await insertTaxLines(
    tx,
    invoiceId,
    totals.groups.map((g) => ({ taxRateBp: g.taxRateBp, netMinor: minorToDb(g.netMinor), taxMinor: minorToDb(g.taxMinor) })),
  );
  const status = statusAfterSettlement(transitionInvoice("DRAFT", "issue"), { grossMinor: totals.grossMinor, paidMinor: 0, creditedMinor: 0 });
  await markInvoiceIssued(tx, invoiceId, {
    status,
    number,
    issueDate: dateToDb(issueDate),
    dueDate: dateToDb(dueDate),
    netMinor: minorToDb(totals.netMinor),
    taxMinor: minorToDb(totals.taxMinor),
    grossMinor: minorToDb(totals.grossMinor),
    buyer: {
      name: customer.legalName,
      addressLines: [customer.addressLine1, customer.addressLine2, `${customer.postalCode} ${customer.city}`.trim(), customer.country].filter(Boolean),
      taxId: customer.taxId,
      email: customer.billingEmail,
    },
    // In the same UPDATE that issues it: the freeze trigger lets a draft become an issued invoice
    // with its seller, and nothing change it afterwards (ADR 0011).
    seller: sellerSnapshotOf(company),
    issuedById: actor?.id ?? null,
    issuedAt: now,
    paidAt: status === "PAID" ? now : null,
  });
  await recordBillingEvent(tx, { key: `invoice:${invoiceId}:issued`, kind: "ISSUED", cause: actor ? "STAFF" : "SYSTEM", customerId: customer.id, invoiceId, details: { number, grossMinor: totals.grossMinor, currency: invoice.currency }, at: now });
  await recordAudit(tx, {
    action: "invoice.issued",
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? "system",
    targetType: "invoice",
    targetId: invoiceId,
    customerId: customer.id,
    details: { number, grossMinor: totals.grossMinor },
    at: now,
  });
  return { number };
}

export async function issueInvoice(db: RootDb, actor: StaffActor, invoiceId: string, now: Date): Promise<{ number: string }> {
  return db.$transaction((tx) => issueInvoiceInTransaction(tx, actor, invoiceId, now));
}
