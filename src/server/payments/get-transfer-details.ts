import type { TransferDetailsView } from "@/contracts/payment-views";
import type { Db } from "@/server/db/types";
import { getCompanySettings } from "@/server/settings/get-company-settings";

/** How to pay by bank transfer: the provider's account from Settings → Company, or null when none is set. */
export async function getTransferDetails(db: Db): Promise<TransferDetailsView | null> {
  const s = await getCompanySettings(db);
  if (!s.iban && !s.accountNumber) return null;
  return {
    beneficiary: s.legalName,
    iban: s.iban,
    bic: s.bic,
    accountNumber: s.accountNumber,
    routingNumber: s.routingNumber,
    instructions: s.paymentInstructions,
  };
}
