import { addDays, todayIn } from "@/domain/billing/calendar-date";
import type { PrismaClient } from "@/generated/prisma/client";
import type { StaffActor } from "@/server/auth/actor";
import { logTimeEntry } from "@/server/support/banks/log-time-entry";
import { purchaseHourBank } from "@/server/support/banks/purchase-hour-bank";
import { closeTicket } from "@/server/support/tickets/close-ticket";
import { openTicketWithin } from "@/server/support/tickets/open-ticket";
import { replyToTicket } from "@/server/support/tickets/reply-to-ticket";

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

/**
 * The desk as a demo shows it (issue 18): the owners are authorised support contacts, an urgent
 * e-mail from Sol y Mar waits for its first response (the queue shows it about to breach), a request
 * of Dupont's was answered, closed and scored, and a message from an unknown sender is held.
 */
export async function seedDemoDesk(db: PrismaClient, technician: StaffActor, now: Date) {
  const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);
  const ctx = { ip: null, userAgent: "demo data" };
  await db.user.updateMany({ where: { email: { in: ["claire@dupont.example", "lucia@solymar.example"] } }, data: { supportContact: true } });
  const [claire, lucia] = await Promise.all(
    ["claire@dupont.example", "lucia@solymar.example"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, customerId: true } })),
  );
  if (!claire?.customerId || !lucia?.customerId) return;
  const open = (who: { id: string; email: string; customerId: string | null }, subject: string, body: string, urgency: "REGULAR" | "URGENT", source: "EMAIL" | "PORTAL", at: Date) =>
    db.$transaction((tx) =>
      openTicketWithin(tx, { customerId: who.customerId ?? "", subject, body, urgency, source, requesterId: who.id, requesterEmail: who.email, authorKind: "CUSTOMER", authorId: who.id, receivedAt: at }, at),
    );
  await open(lucia, "Las reservas en línea no funcionan", "Desde hace media hora la página de reservas muestra un error 502.", "URGENT", "EMAIL", minutesAgo(40));
  const week = 7 * 24 * 60;
  const done = await open(claire, "Ajouter une adresse e-mail pour la boutique", "Pouvez-vous créer boutique@boulangerie-dupont.fr ?", "REGULAR", "PORTAL", minutesAgo(week + 180));
  await replyToTicket(db, { side: "STAFF", actor: technician, ctx }, { ticketId: done.ticketId, body: "C'est fait : l'adresse est créée, le mot de passe vous a été envoyé par SMS." }, minutesAgo(week + 120));
  await closeTicket(db, technician, done.ticketId, ctx, minutesAgo(week + 115));
  await db.satisfactionSurvey.update({ where: { ticketId: done.ticketId }, data: { score: 5, comment: "Rapide et efficace, merci !", answeredAt: minutesAgo(week) } });
  await db.inboundEmail.create({
    data: {
      messageId: "<demo-held-1@mail.example>",
      fromAddress: "jean.martin@example.net",
      fromName: "Jean Martin",
      toAddress: "support@comptoir.localhost",
      subject: "Demande de devis pour un serveur",
      text: "Bonjour, je souhaiterais un devis pour un serveur dédié. Cordialement, Jean Martin",
      urgency: "REGULAR",
      outcome: "HELD",
      heldReason: "UNKNOWN_SENDER",
      receivedAt: minutesAgo(300),
    },
  });
}
