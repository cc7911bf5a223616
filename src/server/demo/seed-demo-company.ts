import type { Db } from "@/server/db/types";
import { upsertCompanySettingsRow } from "@/server/settings/company-settings-repository";

/**
 * A complete French provider, so demo invoices show every block a real one prints: SIREN and
 * intra-EU VAT number, bank details, and the mentions the Code de commerce (art. L441-10) requires
 * on business invoices: the late-payment penalty rate and the 40 € fixed recovery indemnity.
 */
export const DEMO_COMPANY = {
  legalName: "Comptoir Hébergement SAS",
  address: "1 place Bellecour\n69002 Lyon",
  country: "FR",
  registrationNumber: "RCS Lyon 912 345 678",
  vatNumber: "FR32912345678",
  email: "facturation@comptoir.example",
  phone: "+33 4 72 00 00 00",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
  accountNumber: "",
  routingNumber: "",
  paymentInstructions: "Virement bancaire en rappelant le numéro de facture.",
  footerText: "Comptoir Hébergement SAS au capital de 10 000 € — SIREN 912 345 678 — RCS Lyon",
  paymentTermsDays: 30,
  latePenaltyRateBp: 1215,
  recoveryIndemnity: true,
  legalMentions: "Pas d'escompte pour paiement anticipé.",
} as const;

export async function seedDemoCompany(db: Db): Promise<void> {
  await upsertCompanySettingsRow(db, { ...DEMO_COMPANY, updatedById: null });
}
