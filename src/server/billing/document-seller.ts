import type { InvoiceStatusName } from "@/domain/billing/invoice-state";
import { findCreditNoteSellerJson } from "@/server/billing/credit-note-queries";
import { findInvoiceSellerJson } from "@/server/billing/invoice-queries";
import { parseSellerSnapshot, type SellerSnapshot, sellerSnapshotOf } from "@/server/billing/seller-snapshot";
import type { Db } from "@/server/db/types";
import type { CompanySettingsRecord } from "@/server/settings/get-company-settings";

/**
 * The seller a document prints (ADR 0011). A draft is not a document yet: it shows Settings → Company
 * as they are (`current`). An issued invoice and a credit note show the seller frozen when they were
 * issued, whatever the settings say since; only one issued before snapshots existed, on an
 * installation that had no settings row to copy then, falls back to the current settings.
 */
export async function invoiceSeller(
  db: Db,
  invoice: { id: string; number: string | null; status: InvoiceStatusName },
  current: CompanySettingsRecord,
): Promise<SellerSnapshot> {
  if (invoice.status === "DRAFT") return sellerSnapshotOf(current);
  const stored = parseSellerSnapshot(
    await findInvoiceSellerJson(db, invoice.id),
    `invoice ${invoice.number}`,
  );
  return stored ?? sellerSnapshotOf(current);
}

export async function creditNoteSeller(
  db: Db,
  note: { id: string; number: string },
  current: CompanySettingsRecord,
): Promise<SellerSnapshot> {
  const stored = parseSellerSnapshot(
    await findCreditNoteSellerJson(db, note.id),
    `credit note ${note.number}`,
  );
  return stored ?? sellerSnapshotOf(current);
}
