import { addDays, calendarDate, formatCalendarDate, todayIn } from "@/domain/billing/calendar-date";
import { isLocale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { chargeEntry } from "@/domain/support/charging-rules";
import { formatMinutes } from "@/domain/support/duration-format";
import { drawFromBanks, thresholdsCrossed } from "@/domain/support/hour-bank";
import type { TLogTimeEntryInput } from "@/contracts/support-banks";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { dateToDb } from "@/server/billing/ledger-values";
import { appUrl } from "@/server/config";
import type { Db, RootDb } from "@/server/db/types";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { getSupportSettings } from "@/server/support/get-support-settings";
import {
  bankBalances,
  claimLowBalanceAlert,
  customerSupportFacts,
  findTechnician,
  insertTimeEntry,
  lockCustomerSupport,
  markTicketResponded,
  primaryContact,
  ticketRequesterContact,
} from "@/server/support/banks/hour-bank-repository";
import { findTicket } from "@/server/support/tickets/ticket-repository";
import { ticketReference } from "@/server/support/tickets/notify-new-ticket";

export interface LoggedEntry {
  entryId: string;
  chargedMinutes: number;
  bankMinutes: number;
  billableMinutes: number;
  /** What the customer's banks hold after this entry. */
  remainingMinutes: number;
}

/**
 * A technician logs time on a ticket. Under the customer's lock (two entries at once never draw the
 * same minutes): the time is charged by the desk's rules (finer with a bank that has hours left),
 * drawn from the banks oldest first, the rest left for the next support invoice. The requester is
 * told what was charged and what is left, the primary contact once per threshold of use crossed,
 * and the ticket counts as answered.
 */
export async function logTimeEntry(db: RootDb, actor: StaffActor, input: TLogTimeEntryInput, now: Date): Promise<LoggedEntry> {
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, input.ticketId);
    if (!ticket) throw new DomainError("NOT_FOUND", { entity: "ticket", field: "ticketId" });
    const technician = await findTechnician(tx, input.technicianId || actor.id);
    if (!technician) throw new DomainError("NOT_FOUND", { entity: "technician", field: "technicianId" });
    const customer = await customerSupportFacts(tx, ticket.customerId);
    if (!customer) throw new DomainError("NOT_FOUND", { entity: "customer" });
    // Work is logged once done: a day after the customer's today is a typo (one day of slack for the desk's own time zone).
    const workDate = calendarDate(input.workDate);
    if (workDate > addDays(todayIn(customer.timeZone, now), 1)) throw new DomainError("VALIDATION_FAILED", { field: "workDate", reason: "DATE_IN_FUTURE" });

    await lockCustomerSupport(tx, customer.id);
    const settings = await getSupportSettings(tx);
    const banks = await bankBalances(tx, customer.id);
    const totalMinutes = banks.reduce((s, b) => s + b.hours * 60, 0);
    const remainingBefore = banks.reduce((s, b) => s + Math.max(0, b.remainingMinutes), 0);
    const facts = {
      actualMinutes: input.actualMinutes,
      urgency: input.urgency || ticket.urgency,
      channel: input.channel,
      activity: input.activity,
      travelKm: input.travelKm ?? 0,
      travelMinutes: input.travelMinutes ?? 0,
    };
    const charge = chargeEntry(facts, remainingBefore > 0, settings.chargingRules);
    const { draws, overageMinutes } = charge.fromBank ? drawFromBanks(banks, charge.chargedMinutes) : { draws: [], overageMinutes: charge.chargedMinutes };
    const bankMinutes = charge.chargedMinutes - overageMinutes;
    const { id: entryId } = await insertTimeEntry(
      tx,
      {
        customerId: customer.id,
        ticketId: ticket.id,
        technicianId: technician.id,
        workDate: dateToDb(workDate),
        ...facts,
        note: input.note ?? "",
        chargedMinutes: charge.chargedMinutes,
        bankMinutes,
        billableMinutes: overageMinutes,
        travelChargedMinutes: charge.travelMinutes,
        travelDistanceMinor: charge.travelDistanceMinor,
      },
      draws,
    );
    const remainingAfter = remainingBefore - bankMinutes;

    const usedBefore = totalMinutes - remainingBefore;
    for (const pct of thresholdsCrossed(totalMinutes, usedBefore, usedBefore + bankMinutes, settings.lowBalanceThresholds)) {
      if (await claimLowBalanceAlert(tx, customer.id, pct, totalMinutes, now)) await alertLowBalance(tx, customer.id, pct, totalMinutes, remainingAfter, now);
    }

    const requester = await ticketRequesterContact(tx, ticket);
    const locale = isLocale(requester.locale) ? requester.locale : "fr";
    await enqueueEmail(
      tx,
      requester.email,
      locale,
      {
        template: "supportIntervention",
        params: {
          reference: ticketReference(ticket.number),
          subject: ticket.subject,
          workDate: formatCalendarDate(workDate, locale),
          charged: formatMinutes(charge.chargedMinutes),
          balance: formatMinutes(remainingAfter),
          link: `${appUrl()}/portal/support`,
        },
      },
      `support-intervention:${entryId}`,
      now,
    );
    await markTicketResponded(tx, ticket.id, now);
    await recordAudit(tx, {
      action: "support_time.logged",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "support_ticket",
      targetId: ticket.id,
      customerId: customer.id,
      details: { entryId, technicianId: technician.id, workDate, actualMinutes: input.actualMinutes, chargedMinutes: charge.chargedMinutes, bankMinutes, billableMinutes: overageMinutes },
      at: now,
    });
    return { entryId, chargedMinutes: charge.chargedMinutes, bankMinutes, billableMinutes: overageMinutes, remainingMinutes: remainingAfter };
  });
}

/** The primary contact is told that `pct` % of the hours bought are used, and what is left. */
async function alertLowBalance(tx: Db, customerId: string, pct: number, totalMinutes: number, remainingMinutes: number, now: Date) {
  const contact = await primaryContact(tx, customerId);
  const locale = isLocale(contact.locale) ? contact.locale : "fr";
  await enqueueEmail(
    tx,
    contact.email,
    locale,
    { template: "supportLowBalance", params: { companyName: contact.companyName, percent: String(pct), remaining: formatMinutes(remainingMinutes), link: `${appUrl()}/portal/support` } },
    `low-balance:${customerId}:${pct}:${totalMinutes}`,
    now,
  );
}
