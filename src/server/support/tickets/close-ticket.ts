import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { mayChangeTicketStatus } from "@/domain/support/ticket-rules";
import { type RequestContext, recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { appUrl } from "@/server/config";
import type { RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";
import { putSurvey } from "@/server/support/tickets/survey-repository";
import { findTicket, lockTicket, requesterLocale, updateTicket } from "@/server/support/tickets/ticket-repository";

/**
 * Support staff close a ticket: CLOSED, when, and the satisfaction survey to the requester: a secret
 * link (only its hash is stored) with one link per score, so that one click answers. Says to whom
 * the survey went.
 */
export async function closeTicket(db: RootDb, actor: StaffActor, ticketId: string, ctx: RequestContext, now: Date): Promise<{ surveySentTo: string }> {
  return db.$transaction(async (tx) => {
    // Locked before it is read, so the transition is judged on the status it changes.
    const ticket = (await lockTicket(tx, ticketId)) ? await findTicket(tx, ticketId) : null;
    if (!ticket) throw new DomainError("NOT_FOUND", { entity: "support_ticket" });
    if (!mayChangeTicketStatus(ticket.status, "CLOSED")) throw new DomainError("INVALID_TRANSITION", { from: ticket.status, to: "CLOSED" });
    await updateTicket(tx, ticket.id, { status: "CLOSED", closedAt: now });
    const token = generateSecretToken();
    const tokenHash = hashSecretToken(token);
    await putSurvey(tx, ticket.id, tokenHash, now);
    const link = `${appUrl()}/survey/${token}`;
    const locale = await requesterLocale(tx, ticket);
    await enqueueEmail(
      tx,
      ticket.requesterEmail,
      isLocale(locale) ? locale : "en",
      {
        template: "supportSurvey",
        params: { reference: ticketReference(ticket.number), subject: ticket.subject, link, scoreLinks: [1, 2, 3, 4, 5].map((score) => `${link}?score=${score}`) },
      },
      // One survey per closing: a retried closing writes it once, a later closing (after a reopening) again.
      `ticket-survey:${ticket.id}:${tokenHash.slice(0, 16)}`,
      now,
    );
    await recordAudit(tx, {
      action: "support_ticket.closed",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "support_ticket",
      targetId: ticket.id,
      customerId: ticket.customerId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { surveySentTo: ticket.requesterEmail },
      at: now,
    });
    return { surveySentTo: ticket.requesterEmail };
  });
}
