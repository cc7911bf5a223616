import { addDays, todayIn } from "@/domain/billing/calendar-date";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { bankPrice, tierProblem } from "@/domain/support/hour-bank";
import type { TBuyHourBankInput } from "@/contracts/support-banks";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { draftLines } from "@/server/billing/create-draft-invoice";
import { insertDraftInvoice } from "@/server/billing/invoice-repository";
import { issueInvoiceInTransaction } from "@/server/billing/issue-invoice";
import type { RootDb } from "@/server/db/types";
import { translatorFor } from "@/server/i18n/translator";
import { emailSupportInvoice } from "@/server/support/banks/email-support-invoice";
import {
  customerSupportFacts,
  findBankByPurchaseKey,
  findBankProduct,
  insertHourBank,
  lockCustomerSupport,
} from "@/server/support/banks/hour-bank-repository";

/** Banks are invoiced NET 30 whatever the company's usual terms (the sources' offer). */
export const BANK_PAYMENT_DAYS = 30;

export interface PurchasedBank {
  bankId: string;
  invoiceId: string;
  invoiceNumber: string;
  hours: number;
  totalMinor: number;
  currency: string;
  /** False when this key had already bought it (a double submit): nothing new was created. */
  created: boolean;
}

/**
 * Billing staff sell a customer N prepaid hours: priced by the product's volume tiers in the
 * customer's currency, one issued invoice due in 30 days (e-mailed with its PDF), and the bank
 * pointing at it, all in one transaction. The form's key makes a double submit buy once.
 */
export async function purchaseHourBank(db: RootDb, actor: StaffActor, input: TBuyHourBankInput, now: Date): Promise<PurchasedBank> {
  return db.$transaction(async (tx) => {
    const customer = await customerSupportFacts(tx, input.customerId);
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer", field: "customerId" });
    await lockCustomerSupport(tx, customer.id);
    // Under the customer's lock: a second submit of the same form waits for the first, then finds it.
    const existing = await findBankByPurchaseKey(tx, input.purchaseKey);
    if (existing) {
      if (existing.customerId !== customer.id) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
      return { bankId: existing.id, invoiceId: existing.invoiceId, invoiceNumber: existing.invoice.number ?? "", hours: existing.hours, totalMinor: Number(existing.totalMinor), currency: existing.currency, created: false };
    }
    const product = await findBankProduct(tx, input.productId);
    if (!product?.active) throw new DomainError("NOT_FOUND", { entity: "product", field: "productId" });
    const tiers = product.tiers.filter((t) => t.currency === customer.currency);
    if (tierProblem(tiers)) throw new DomainError("HOUR_BANK_NO_TIERS", { field: "productId", currency: customer.currency });
    const { rateMinor, totalMinor } = bankPrice(input.hours, tiers);

    // The line reads in the customer's language, as the rest of their invoice.
    const t = translatorFor(isLocale(customer.locale) ? customer.locale : "fr");
    const [line] = draftLines([{ description: t("supportBanks.invoiceLines.bank", { hours: input.hours }), quantity: String(input.hours), unitAmountMinor: rateMinor, taxRateBp: product.taxRateBp, productId: product.id }]);
    const { id: invoiceId } = await insertDraftInvoice(tx, { customerId: customer.id, currency: customer.currency, notes: "", createdById: actor.id, createdAt: now, lines: line ? [line] : [] });
    const issueDate = todayIn(customer.timeZone, now);
    const { number } = await issueInvoiceInTransaction(tx, actor, invoiceId, now, { issueDate, dueDate: addDays(issueDate, BANK_PAYMENT_DAYS) });
    const { id: bankId } = await insertHourBank(tx, {
      customerId: customer.id,
      productId: product.id,
      hours: input.hours,
      rateMinor,
      totalMinor,
      currency: customer.currency,
      invoiceId,
      purchasedAt: now,
      createdById: actor.id,
      purchaseKey: input.purchaseKey,
    });
    await emailSupportInvoice(tx, invoiceId, `hour-bank-invoice:${bankId}`, now);
    await recordAudit(tx, {
      action: "hour_bank.purchased",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "hour_bank",
      targetId: bankId,
      customerId: customer.id,
      details: { hours: input.hours, rateMinor, totalMinor, currency: customer.currency, invoiceNumber: number },
      at: now,
    });
    return { bankId, invoiceId, invoiceNumber: number, hours: input.hours, totalMinor, currency: customer.currency, created: true };
  });
}
