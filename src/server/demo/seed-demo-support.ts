import { addDays, todayIn } from "@/domain/billing/calendar-date";
import type { PrismaClient } from "@/generated/prisma/client";
import type { StaffActor } from "@/server/auth/actor";
import { logTimeEntry } from "@/server/support/banks/log-time-entry";
import { purchaseHourBank } from "@/server/support/banks/purchase-hour-bank";
import { openTicketWithin } from "@/server/support/tickets/open-ticket";

/**
 * The first demo company's support (issue 18): a 10-hour bank bought three weeks ago, a phone call
 * that became a ticket, and a few interventions on it, so the portal's Support page and its chart
 * show a balance going down. Through the real use-cases, so the demo obeys the charging rules.
 */
export async function seedDemoSupport(db: PrismaClient, billing: StaffActor, technician: StaffActor, customer: { id: string; requester: { id: string; email: string } }, bankProductId: string, now: Date) {
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  await purchaseHourBank(db, billing, { customerId: customer.id, productId: bankProductId, hours: 10, purchaseKey: `demo-bank-${customer.id}` }, daysAgo(21));
  const ticket = await db.$transaction((tx) =>
    openTicketWithin(
      tx,
      {
        customerId: customer.id,
        subject: "Caisse enregistreuse hors ligne",
        body: "La caisse de la boutique ne se connecte plus au serveur depuis ce matin.",
        urgency: "REGULAR",
        source: "STAFF",
        requesterId: customer.requester.id,
        requesterEmail: customer.requester.email,
        authorKind: "STAFF",
        authorId: technician.id,
        receivedAt: daysAgo(14),
      },
      daysAgo(14),
    ),
  );
  const today = todayIn("Europe/Paris", now);
  const visits: [number, number, "PHONE" | "ON_SITE"][] = [
    [14, 40, "PHONE"],
    [10, 95, "ON_SITE"],
    [3, 25, "PHONE"],
  ];
  for (const [ago, minutes, channel] of visits) {
    await logTimeEntry(db, technician, { ticketId: ticket.ticketId, workDate: addDays(today, -ago), actualMinutes: minutes, channel, activity: "SUPPORT", note: "" }, daysAgo(ago));
  }
}
