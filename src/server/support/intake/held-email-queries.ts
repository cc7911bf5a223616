import type { CustomerChoiceDto, HeldEmailDetailDto, HeldEmailDto } from "@/contracts/inbound-email";
import type { CursorPage, PageRequest } from "@/domain/shared/cursor-page";
import { HELD_REASONS, type HeldReason } from "@/domain/support/inbound-email";
import type { Db } from "@/server/db/types";
import { customerChoices, findDecider, findInboundEmail, listHeldEmails } from "@/server/support/intake/inbound-email-repository";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

// Read models of the staff inbox (/staff/support/inbox): rows mapped to the DTOs of
// src/contracts/inbound-email.ts.

const reasonOf = (r: string | null): HeldReason | null => (HELD_REASONS as readonly string[]).includes(r ?? "") ? (r as HeldReason) : null;

/** Held messages, the one waiting longest first. */
export async function heldEmailPage(db: Db, req: PageRequest): Promise<CursorPage<HeldEmailDto>> {
  const page = await listHeldEmails(db, req);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      fromAddress: r.from_address,
      fromName: r.from_name,
      toAddress: r.to_address,
      subject: r.subject,
      urgency: r.urgency,
      heldReason: reasonOf(r.held_reason),
      receivedAt: r.received_at.toISOString(),
      outcome: "HELD",
    })),
  };
}

/** One inbound e-mail with what was decided about it; null for an unknown id. */
export async function heldEmailDetail(db: Db, id: string): Promise<HeldEmailDetailDto | null> {
  const e = await findInboundEmail(db, id);
  if (!e) return null;
  const decider = e.decidedById ? await findDecider(db, e.decidedById) : null;
  return {
    id: e.id,
    fromAddress: e.fromAddress,
    fromName: e.fromName,
    toAddress: e.toAddress,
    subject: e.subject,
    urgency: e.urgency,
    heldReason: reasonOf(e.heldReason),
    receivedAt: e.receivedAt.toISOString(),
    outcome: e.outcome,
    text: e.text,
    senderCustomerId: e.customerId,
    ticketId: e.ticketId,
    ticketReference: e.ticket ? ticketReference(e.ticket.number) : null,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decidedByName: decider?.name ?? null,
  };
}

/** Public mail services: a domain match there would suggest strangers' companies. */
const PUBLIC_DOMAINS = new Set(["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "orange.fr", "free.fr", "wanadoo.fr", "laposte.net", "videotron.ca", "example.com"]);

/** The companies offered for a held message: the sender's own, same-domain ones, then the search. */
export function customerChoicesFor(db: Db, email: HeldEmailDetailDto, search: string): Promise<CustomerChoiceDto[]> {
  const domain = email.fromAddress.split("@")[1]?.toLowerCase() ?? null;
  return customerChoices(db, { senderCustomerId: email.senderCustomerId, senderDomain: domain && !PUBLIC_DOMAINS.has(domain) ? domain : null, search });
}
