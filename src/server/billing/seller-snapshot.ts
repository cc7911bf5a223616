import { z } from "zod";
import type { CompanySettingsRecord } from "@/server/settings/get-company-settings";

/**
 * The seller as printed on an issued invoice or credit note: the fields of Settings → Company that a
 * document states (identity, contact, bank details, payment instructions, legal mentions, footer),
 * copied when the document is issued and never changed after (ADR 0011). The logo is not in it: it
 * is no legal mention, and up to 512 KB a document would weigh on the ledger; PDFs draw the current one.
 *
 * Stored as JSON in `invoices.seller` and `credit_notes.seller`; migration 20261202060000 writes the
 * same shape in SQL for documents issued before it. A new field means a new `version`.
 */
export const ZSellerSnapshot = z.strictObject({
  version: z.literal(1),
  legalName: z.string(),
  /** Postal address, one line per line. */
  address: z.string(),
  country: z.string(),
  registrationNumber: z.string(),
  vatNumber: z.string(),
  email: z.string(),
  phone: z.string(),
  iban: z.string(),
  bic: z.string(),
  accountNumber: z.string(),
  routingNumber: z.string(),
  paymentInstructions: z.string(),
  latePenaltyRateBp: z.number().int().nullable(),
  recoveryIndemnity: z.boolean(),
  legalMentions: z.string(),
  footerText: z.string(),
});
export type SellerSnapshot = z.infer<typeof ZSellerSnapshot>;

/** The snapshot of the settings as they are now: what an issued document keeps, what a draft prints. */
export function sellerSnapshotOf(s: CompanySettingsRecord): SellerSnapshot {
  return {
    version: 1,
    legalName: s.legalName,
    address: s.address,
    country: s.country,
    registrationNumber: s.registrationNumber,
    vatNumber: s.vatNumber,
    email: s.email,
    phone: s.phone,
    iban: s.iban,
    bic: s.bic,
    accountNumber: s.accountNumber,
    routingNumber: s.routingNumber,
    paymentInstructions: s.paymentInstructions,
    latePenaltyRateBp: s.latePenaltyRateBp,
    recoveryIndemnity: s.recoveryIndemnity,
    legalMentions: s.legalMentions,
    footerText: s.footerText,
  };
}

/**
 * A stored snapshot, checked. Null (a document issued before snapshots, on an installation that had
 * no settings row to copy) stays null; anything else that is not a snapshot is a corrupted ledger
 * and fails loudly rather than print some other seller.
 */
export function parseSellerSnapshot(value: unknown, document: string): SellerSnapshot | null {
  if (value === null || value === undefined) return null;
  const parsed = ZSellerSnapshot.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `${document}: stored seller is not a valid snapshot (${parsed.error.issues.map((i) => i.path.join(".") || i.code).join(", ")})`,
    );
  return parsed.data;
}
