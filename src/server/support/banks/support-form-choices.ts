import type { BankOfferDto, HourBankTiersDto, TechnicianChoiceDto, TicketChoiceDto } from "@/contracts/support-banks";
import { SUPPORTED_CURRENCIES } from "@/domain/billing/money";
import { tierProblem } from "@/domain/support/hour-bank";
import type { Db } from "@/server/db/types";
import { findBankProduct, listBankProducts, listOpenTickets, listTechnicians } from "@/server/support/banks/hour-bank-repository";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

/** The bank products that can be sold in `currency`: active, with valid tiers in it. */
export async function listBankOffers(db: Db, currency: string): Promise<BankOfferDto[]> {
  const products = await listBankProducts(db);
  return products.flatMap((p) => {
    const tiers = p.tiers.filter((t) => t.currency === currency).map((t) => ({ fromHours: t.fromHours, rateMinor: t.rateMinor }));
    return tierProblem(tiers) ? [] : [{ productId: p.id, name: p.name, currency, tiers }];
  });
}

/** The customer's open tickets, as the time entry form offers them. */
export async function listTicketChoices(db: Db, customerId: string): Promise<TicketChoiceDto[]> {
  const tickets = await listOpenTickets(db, customerId);
  return tickets.map((k) => ({ id: k.id, reference: ticketReference(k.number), subject: k.subject, urgency: k.urgency }));
}

/** Staff who may be named as the technician of an entry. */
export function listTechnicianChoices(db: Db): Promise<TechnicianChoiceDto[]> {
  return listTechnicians(db);
}

/**
 * An hour-bank product and its tiers per currency for the catalogue page: currencies with tiers or a
 * one-off price first, then every other supported currency (to start selling in it). Null for any
 * other kind of product.
 */
export async function getBankProductTiers(db: Db, productId: string): Promise<{ id: string; name: string; currencies: HourBankTiersDto[] } | null> {
  const product = await findBankProduct(db, productId);
  if (!product) return null;
  const used = [...new Set([...product.tiers.map((t) => t.currency), ...product.hourlyRates.keys()])].sort();
  const order = [...used, ...SUPPORTED_CURRENCIES.filter((c) => !used.includes(c))];
  return {
    id: product.id,
    name: product.name,
    currencies: order.map((currency) => ({
      currency,
      tiers: product.tiers.filter((t) => t.currency === currency).map((t) => ({ fromHours: t.fromHours, rateMinor: t.rateMinor })),
      hourlyRateMinor: product.hourlyRates.get(currency) ?? null,
    })),
  };
}
