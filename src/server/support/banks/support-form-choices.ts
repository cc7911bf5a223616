import type { BankOfferDto, TechnicianChoiceDto, TicketChoiceDto } from "@/contracts/support-banks";
import { tierProblem } from "@/domain/support/hour-bank";
import type { Db } from "@/server/db/types";
import { listBankProducts, listOpenTickets, listTechnicians } from "@/server/support/banks/hour-bank-repository";
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
