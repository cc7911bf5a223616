import type { TOpenPortalTicketInput } from "@/contracts/support-tickets";
import type { CustomerActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { openTicketWithin } from "@/server/support/tickets/open-ticket";

/**
 * A customer user opens a ticket in the portal, for their own company, as its requester: the SLA
 * clock starts now. The page that follows shows the reference and the promised response time.
 */
export async function openPortalTicket(db: RootDb, actor: CustomerActor, input: TOpenPortalTicketInput, now: Date): Promise<{ ticketId: string; number: number; responseDueAt: Date }> {
  return db.$transaction((tx) =>
    openTicketWithin(
      tx,
      {
        customerId: actor.customerId,
        subject: input.subject,
        body: input.body,
        urgency: input.urgency,
        source: "PORTAL",
        requesterId: actor.id,
        requesterEmail: actor.email,
        authorKind: "CUSTOMER",
        authorId: actor.id,
        receivedAt: now,
      },
      now,
    ),
  );
}
