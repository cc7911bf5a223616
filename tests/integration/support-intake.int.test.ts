import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as inboundMailWebhook } from "@/app/api/inbound-mail/route";
import { getDb } from "@/server/db/client";
import { deliverOutboxEmail } from "@/server/mail/deliver-outbox";
import type { OutgoingMail } from "@/server/mail/transport";
import { dismissHeldEmail } from "@/server/support/intake/dismiss-held-email";
import { releaseHeldEmail } from "@/server/support/intake/release-held-email";
import { type SmtpIntake, startSmtpIntake } from "@/server/support/intake/smtp-intake-server";
import { ctx, makeCustomer, makeCustomerUser, makeStaff, uniqueEmail } from "../support/factories";
import { codeOf } from "../support/helpers";

// The support desk's e-mail intake end to end: a real SMTP client talks to the listener the job
// worker runs, and the webhook route is called as a provider would call it.

const db = getDb();
const REGULAR = "support@comptoir.localhost";
const URGENT = "urgent@comptoir.localhost";
const SECRET = "intake-test-secret-0123456789";
let intake: SmtpIntake;
let smtp: nodemailer.Transporter;

beforeAll(async () => {
  // The desk addresses are the shipped defaults; the suite needs at least 3 support staff to count who is told.
  await db.supportSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { regularAddress: REGULAR, urgentAddress: URGENT, regularNotifyCount: 2, urgentNotifyCount: 3 } });
  for (let i = 0; i < 3; i++) await makeStaff(["SUPPORT"]);
  intake = await startSmtpIntake(db, { port: 0, host: "127.0.0.1" });
  smtp = nodemailer.createTransport({ host: "127.0.0.1", port: intake.port, secure: false, ignoreTLS: true });
  process.env.COMPTOIR_INBOUND_MAIL_SECRET = SECRET;
});

afterAll(async () => {
  smtp.close();
  await intake.close();
  delete process.env.COMPTOIR_INBOUND_MAIL_SECRET;
});

/** An authorised support contact of a new company, writing in `locale`. */
async function aContact(locale = "fr", supportContact = true) {
  const customer = await makeCustomer();
  const user = await makeCustomerUser(customer.id);
  const contact = await db.user.update({ where: { id: user.id }, data: { locale, supportContact } });
  return { customer, contact };
}

const inboxRow = (messageId: string) => db.inboundEmail.findUniqueOrThrow({ where: { messageId } });
const outboxTo = (to: string, template: string) => db.outboundEmail.findMany({ where: { toAddress: to, template } });
const ticketOpenedNotices = (ticketId: string) => db.outboundEmail.count({ where: { dedupeKey: { startsWith: `ticket-opened:${ticketId}:` } } });
const mid = (label: string) => `<${label}-${crypto.randomUUID()}@client.example.org>`;

describe("support e-mail intake over SMTP", () => {
  it("an authorised contact opens a regular ticket: acknowledged in French with its reference, 2 support staff told", async () => {
    const { customer, contact } = await aContact("fr");
    const messageId = mid("new");
    await smtp.sendMail({ from: `Jeanne <${contact.email}>`, to: REGULAR, subject: "Imprimante en panne", text: "L'imprimante du 2e étage ne répond plus.", messageId });

    const row = await inboxRow(messageId);
    expect(row).toMatchObject({ outcome: "TICKET_OPENED", urgency: "REGULAR", customerId: customer.id, fromAddress: contact.email });
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: row.ticketId ?? "" }, include: { messages: true } });
    expect(ticket).toMatchObject({ customerId: customer.id, source: "EMAIL", urgency: "REGULAR", requesterId: contact.id, subject: "Imprimante en panne" });
    expect(ticket.receivedAt).toEqual(row.receivedAt);
    expect(ticket.messages.map((m) => [m.authorKind, m.body])).toEqual([["CUSTOMER", "L'imprimante du 2e étage ne répond plus."]]);

    const [ack, ...more] = await outboxTo(contact.email, "supportAcknowledgement");
    expect(more).toHaveLength(0);
    expect(ack?.locale).toBe("fr");
    expect(ack?.subject).toBe(`[T-${ticket.number}] Nous avons reçu votre demande : Imprimante en panne`);
    expect(ack?.text).toContain("dans les 4 heures ouvrables");
    expect(ack?.text).toContain("merci de ne pas y répondre");
    expect(await ticketOpenedNotices(ticket.id)).toBe(2);
  });

  it("sends the automatic answers with Auto-Submitted: auto-replied, so other robots do not answer them", async () => {
    const { contact } = await aContact("en");
    await smtp.sendMail({ from: contact.email, to: REGULAR, subject: "Headers", text: "x", messageId: mid("headers") });
    const [ack] = await outboxTo(contact.email, "supportAcknowledgement");
    await db.outboundEmail.update({ where: { id: ack?.id ?? "" }, data: { status: "PENDING" } });
    const sent: OutgoingMail[] = [];
    expect(await deliverOutboxEmail(db, ack?.id ?? "", () => new Date(), { send: async (m) => void sent.push(m) })).toBe("sent");
    expect(sent[0]?.headers).toEqual({ "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" });
  });

  it("an urgent request (to the urgent address, any case) promises under an hour in English and tells 3 people", async () => {
    const { contact } = await aContact("en");
    const messageId = mid("urgent");
    await smtp.sendMail({ from: contact.email.toUpperCase(), to: "URGENT@Comptoir.Localhost", subject: "Site down", text: "Our shop is down.", messageId });
    const row = await inboxRow(messageId);
    expect(row).toMatchObject({ outcome: "TICKET_OPENED", urgency: "URGENT" });
    // Answered at the address of their account.
    const [ack] = await outboxTo(contact.email, "supportAcknowledgement");
    expect(ack?.text).toContain("within 1 hour");
    expect(ack?.text).toContain("please do not reply");
    expect(await ticketOpenedNotices(row.ticketId ?? "")).toBe(3);
  });

  it("a reply joins its ticket, by [T-n] in the subject or by In-Reply-To, and reopens it when closed; quoted history is left out", async () => {
    const { contact } = await aContact("es");
    const first = mid("first");
    await smtp.sendMail({ from: contact.email, to: REGULAR, subject: "VPN", text: "El VPN no conecta.", messageId: first });
    const ticketId = (await inboxRow(first)).ticketId ?? "";
    const ticket = await db.supportTicket.update({ where: { id: ticketId }, data: { status: "CLOSED", closedAt: new Date() } });

    const byTag = mid("tag");
    await smtp.sendMail({ from: contact.email, to: REGULAR, subject: `RE: [T-${ticket.number}] Hemos recibido su solicitud: VPN`, text: "Sigue sin funcionar.\n\nEl lun, 1 dic 2026 a las 10:00, Soporte escribió:\n> Hemos recibido su solicitud", messageId: byTag });
    const byHeader = mid("header");
    await smtp.sendMail({ from: contact.email, to: REGULAR, subject: "Re: VPN", text: "Ya funciona, gracias.\n> El VPN no conecta.", messageId: byHeader, inReplyTo: first, references: [first] });

    expect((await inboxRow(byTag)).outcome).toBe("REPLY_ADDED");
    expect((await inboxRow(byHeader)).outcome).toBe("REPLY_ADDED");
    const after = await db.supportTicket.findUniqueOrThrow({ where: { id: ticketId }, include: { messages: { orderBy: { createdAt: "asc" } } } });
    expect(after.status).toBe("OPEN");
    expect(after.closedAt).toBeNull();
    expect(after.messages.map((m) => m.body)).toEqual(["El VPN no conecta.", "Sigue sin funcionar.", "Ya funciona, gracias."]);
    // Replies are not acknowledged again; the desk is told of each.
    expect(await outboxTo(contact.email, "supportAcknowledgement")).toHaveLength(1);
    expect(await db.outboundEmail.count({ where: { template: "supportCustomerReplied", text: { contains: ticketId } } })).toBe(4);
  });

  it("a [T-n] of another company's ticket does not join it: a new ticket opens for the sender's own company", async () => {
    const a = await aContact("en");
    const b = await aContact("en");
    const first = mid("a");
    await smtp.sendMail({ from: a.contact.email, to: REGULAR, subject: "Mine", text: "A's request", messageId: first });
    const aTicket = await db.supportTicket.findUniqueOrThrow({ where: { id: (await inboxRow(first)).ticketId ?? "" } });
    const intruder = mid("b");
    await smtp.sendMail({ from: b.contact.email, to: REGULAR, subject: `Re: [T-${aTicket.number}] Mine`, text: "B writes", messageId: intruder, inReplyTo: first });
    const row = await inboxRow(intruder);
    expect(row.outcome).toBe("TICKET_OPENED");
    expect(row.ticketId).not.toBe(aTicket.id);
    expect(await db.ticketMessage.count({ where: { ticketId: aTicket.id } })).toBe(1);
  });

  it("holds mail from an unknown sender and from a user who is not an authorised contact, and answers each politely", async () => {
    const stranger = uniqueEmail("stranger");
    const unknownId = mid("unknown");
    await smtp.sendMail({ from: stranger, to: REGULAR, subject: "Hello?", text: "Can you help?", messageId: unknownId });
    expect(await inboxRow(unknownId)).toMatchObject({ outcome: "HELD", heldReason: "UNKNOWN_SENDER", ticketId: null, customerId: null });
    const [toStranger] = await outboxTo(stranger, "supportSenderNotRecognised");
    expect(toStranger?.locale).toBe("en");
    expect(toStranger?.subject).toBe("We received your message: Hello?");

    const { customer, contact } = await aContact("fr", false);
    const notAuthorisedId = mid("member");
    await smtp.sendMail({ from: contact.email, to: URGENT, subject: "Urgent", text: "Help", messageId: notAuthorisedId });
    expect(await inboxRow(notAuthorisedId)).toMatchObject({ outcome: "HELD", heldReason: "NOT_AUTHORISED", urgency: "URGENT", customerId: customer.id, ticketId: null });
    const [toMember] = await outboxTo(contact.email, "supportSenderNotRecognised");
    expect(toMember?.locale).toBe("fr");
    expect(toMember?.text).toContain("contact d'assistance");
    expect(await db.supportTicket.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("a disabled authorised contact is not trusted any more", async () => {
    const { contact } = await aContact("en");
    await db.user.update({ where: { id: contact.id }, data: { disabledAt: new Date() } });
    const id = mid("disabled");
    await smtp.sendMail({ from: contact.email, to: REGULAR, subject: "Still me", text: "Hi", messageId: id });
    expect(await inboxRow(id)).toMatchObject({ outcome: "HELD", heldReason: "UNKNOWN_SENDER" });
  });

  it("handles the same Message-ID once, and a message without one once per identical copy", async () => {
    const { contact } = await aContact("en");
    const messageId = mid("twice");
    const mail = { from: contact.email, to: REGULAR, subject: "Twice", text: "Delivered twice", messageId };
    await Promise.all([smtp.sendMail(mail), smtp.sendMail(mail)]);
    expect(await db.inboundEmail.count({ where: { messageId } })).toBe(1);
    expect(await db.supportTicket.count({ where: { requesterId: contact.id } })).toBe(1);

    // Without a Message-ID header: the webhook's JSON (nodemailer always writes one) hashes the copy.
    const body = { from: contact.email, to: REGULAR, subject: "No id", text: "same text", date: "2026-12-01T10:00:00Z" };
    const answers = [await postJson(body), await postJson(body)];
    expect(await Promise.all(answers.map((r) => r.json()))).toEqual([
      { accepted: true, duplicate: false, outcome: "TICKET_OPENED" },
      { accepted: true, duplicate: true, outcome: null },
    ]);
    expect(await db.supportTicket.count({ where: { requesterId: contact.id } })).toBe(2);
  });

  it("refuses a recipient that is not a desk address with 550, and accepts the desk address of the same message", async () => {
    const { contact } = await aContact("en");
    const refused = await smtp.sendMail({ from: contact.email, to: "sales@comptoir.localhost", subject: "x", text: "x" }).catch((e: { responseCode?: number }) => e);
    expect((refused as { responseCode?: number }).responseCode).toBe(550);
    const messageId = mid("mixed");
    const info = await smtp.sendMail({ from: contact.email, to: [REGULAR, "sales@comptoir.localhost"], subject: "Mixed", text: "x", messageId });
    expect(info.rejected).toEqual(["sales@comptoir.localhost"]);
    expect((await inboxRow(messageId)).outcome).toBe("TICKET_OPENED");
  });

  it("refuses a message over 10 MB with 552 and stores nothing", async () => {
    const { contact } = await aContact("en");
    const messageId = mid("big");
    const refused = await smtp.sendMail({ from: contact.email, to: REGULAR, subject: "Big", text: "x".repeat(11 * 1024 * 1024), messageId }).catch((e: { responseCode?: number }) => e);
    expect((refused as { responseCode?: number }).responseCode).toBe(552);
    expect(await db.inboundEmail.count({ where: { messageId } })).toBe(0);
  });

  it("answers 451 when the message cannot be stored, so the sending server keeps it and retries", async () => {
    // The database refuses the transaction (down, full…): nothing is half-written, the sender retries.
    const broken = new Proxy(db, { get: (target, key) => (key === "$transaction" ? () => Promise.reject(new Error("connection lost")) : Reflect.get(target, key)) });
    const failing = await startSmtpIntake(broken, { port: 0, host: "127.0.0.1" });
    const client = nodemailer.createTransport({ host: "127.0.0.1", port: failing.port, secure: false, ignoreTLS: true });
    try {
      const { contact } = await aContact("en");
      const messageId = mid("retry");
      const mail = { from: contact.email, to: REGULAR, subject: "Retry me", text: "x", messageId };
      const refused = await client.sendMail(mail).catch((e: { responseCode?: number }) => e);
      expect((refused as { responseCode?: number }).responseCode).toBe(451);
      expect(await db.inboundEmail.count({ where: { messageId } })).toBe(0);
      // The retry, once the database is back, goes through.
      await smtp.sendMail(mail);
      expect((await inboxRow(messageId)).outcome).toBe("TICKET_OPENED");
    } finally {
      client.close();
      await failing.close();
    }
  });

  it("keeps auto-replies, bounces and our own mail without ever answering them", async () => {
    const { contact } = await aContact("en");
    const first = mid("orig");
    await smtp.sendMail({ from: contact.email, to: REGULAR, subject: "Question", text: "?", messageId: first });
    const ticketId = (await inboxRow(first)).ticketId ?? "";
    const number = (await db.supportTicket.findUniqueOrThrow({ where: { id: ticketId } })).number;
    const sent: { from: string; subject: string; headers: Record<string, string> }[] = [
      { from: contact.email, subject: `Out of office: [T-${number}] We received your request`, headers: { "Auto-Submitted": "auto-replied" } },
      { from: contact.email, subject: "Vacances", headers: { Precedence: "auto_reply" } },
      { from: "MAILER-DAEMON@mx.example.org", subject: "Undelivered Mail Returned to Sender", headers: {} },
      { from: URGENT, subject: "Loop", headers: {} },
    ];
    const ids: string[] = [];
    for (const m of sent) {
      const messageId = mid("robot");
      ids.push(messageId);
      await smtp.sendMail({ ...m, to: REGULAR, text: "automatic", messageId });
    }
    for (const id of ids) expect(await inboxRow(id)).toMatchObject({ outcome: "HELD", heldReason: "AUTOMATED" });
    expect(await db.outboundEmail.count({ where: { toAddress: { in: [contact.email, "MAILER-DAEMON@mx.example.org", URGENT] }, template: "supportSenderNotRecognised" } })).toBe(0);
    expect(await db.ticketMessage.count({ where: { ticketId } })).toBe(1);
  });
});

function postJson(body: unknown, auth = `Bearer ${SECRET}`) {
  return inboundMailWebhook(new Request("http://comptoir.test/api/inbound-mail", { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) }));
}

describe("the inbound mail webhook", () => {
  it("accepts a JSON message with the right secret (202) and a raw message/rfc822 one", async () => {
    const { contact } = await aContact("en");
    const json = await postJson({ from: { address: contact.email, name: "Ann" }, to: [URGENT], subject: "From the provider", text: "Posted", messageId: mid("hook") });
    expect(json.status).toBe(202);
    expect(await json.json()).toEqual({ accepted: true, duplicate: false, outcome: "TICKET_OPENED" });

    const messageId = mid("raw");
    const raw = [`From: ${contact.email}`, `To: ${REGULAR}`, "Subject: Raw one", `Message-ID: ${messageId}`, "Content-Type: text/plain; charset=utf-8", "", "Raw body"].join("\r\n");
    const res = await inboundMailWebhook(new Request("http://comptoir.test/api/inbound-mail", { method: "POST", headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" }, body: raw }));
    expect(res.status).toBe(202);
    expect(await inboxRow(messageId)).toMatchObject({ outcome: "TICKET_OPENED", subject: "Raw one", text: "Raw body" });
  });

  it("answers 401 to a wrong or missing secret and writes nothing", async () => {
    const messageId = mid("forged");
    const body = { from: uniqueEmail(), to: REGULAR, subject: "x", text: "x", messageId };
    expect((await postJson(body, "Bearer wrong-secret-wrong-secret")).status).toBe(401);
    expect((await postJson(body, "")).status).toBe(401);
    expect(await db.inboundEmail.count({ where: { messageId } })).toBe(0);
  });

  it("answers 422 per field to a bad body: not an address, unknown fields, a NUL byte, no desk address", async () => {
    const bad = await postJson({ from: "not an address", to: REGULAR, subject: "x\u0000y", companyId: "x" });
    expect(bad.status).toBe(422);
    const fields = ((await bad.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["from", "subject", "(body)"]));
    const elsewhere = await postJson({ from: uniqueEmail(), to: "sales@comptoir.localhost", subject: "x", text: "x" });
    expect(elsewhere.status).toBe(422);
    expect(await elsewhere.json()).toEqual({ error: { code: "VALIDATION_FAILED", issues: [{ field: "to", reason: "not a support desk address" }] } });
  });

  it("does not exist without a configured secret", async () => {
    delete process.env.COMPTOIR_INBOUND_MAIL_SECRET;
    try {
      expect((await postJson({ from: uniqueEmail(), to: REGULAR })).status).toBe(404);
    } finally {
      process.env.COMPTOIR_INBOUND_MAIL_SECRET = SECRET;
    }
  });
});

describe("held messages decided by support staff", () => {
  it("releases a held message into a ticket for the chosen customer (acknowledged, audited) and dismisses another; each only once", async () => {
    const staff = await makeStaff(["SUPPORT"]);
    const customer = await makeCustomer({ locale: "es" });
    const stranger = uniqueEmail("new-contact");
    const heldId = mid("held");
    await smtp.sendMail({ from: stranger, to: REGULAR, subject: "Nuevo contacto", text: "Hola", messageId: heldId });
    const held = await inboxRow(heldId);

    const released = await releaseHeldEmail(db, staff, { emailId: held.id, customerId: customer.id }, ctx, new Date());
    expect(released).toMatchObject({ customerName: customer.legalName, sender: stranger });
    expect(await inboxRow(heldId)).toMatchObject({ outcome: "RELEASED", ticketId: released.ticketId, customerId: customer.id, decidedById: staff.id });
    expect(await db.supportTicket.findUniqueOrThrow({ where: { id: released.ticketId } })).toMatchObject({ customerId: customer.id, requesterEmail: stranger, requesterId: null, source: "EMAIL" });
    const [ack] = await outboxTo(stranger, "supportAcknowledgement");
    expect(ack?.subject).toContain(`[${released.reference}]`);
    expect(ack?.locale).toBe("es");
    expect(await codeOf(releaseHeldEmail(db, staff, { emailId: held.id, customerId: customer.id }, ctx, new Date()))).toBe("HELD_EMAIL_DECIDED");

    const spamId = mid("spam");
    await smtp.sendMail({ from: uniqueEmail("spam"), to: REGULAR, subject: "Cheap watches", text: "Buy", messageId: spamId });
    const spam = await inboxRow(spamId);
    await dismissHeldEmail(db, staff, spam.id, ctx, new Date());
    expect(await inboxRow(spamId)).toMatchObject({ outcome: "DISMISSED", decidedById: staff.id, ticketId: null });
    expect(await codeOf(dismissHeldEmail(db, staff, spam.id, ctx, new Date()))).toBe("HELD_EMAIL_DECIDED");
    const audit = await db.auditEvent.findMany({ where: { targetId: { in: [held.id, spam.id] } }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action).sort()).toEqual(["support_inbound_email.dismissed", "support_inbound_email.released"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("Buy");
  });

  it("refuses an unknown customer on the customerId field", async () => {
    const staff = await makeStaff(["SUPPORT"]);
    const heldId = mid("held2");
    await smtp.sendMail({ from: uniqueEmail(), to: REGULAR, subject: "x", text: "x", messageId: heldId });
    const held = await inboxRow(heldId);
    const e = await releaseHeldEmail(db, staff, { emailId: held.id, customerId: crypto.randomUUID() }, ctx, new Date()).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "customerId", reason: "NOT_FOUND" } });
    expect((await inboxRow(heldId)).outcome).toBe("HELD");
  });
});
