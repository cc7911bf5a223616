import { describe, expect, it } from "vitest";
import { ZOpenStaffTicketInput } from "@/contracts/support-tickets";
import { getDb } from "@/server/db/client";
import { answerSurvey, readSurvey } from "@/server/support/tickets/answer-survey";
import { assignTicket } from "@/server/support/tickets/assign-ticket";
import { closeTicket } from "@/server/support/tickets/close-ticket";
import { openPortalTicket } from "@/server/support/tickets/open-portal-ticket";
import { openStaffTicket } from "@/server/support/tickets/open-staff-ticket";
import { reopenTicket } from "@/server/support/tickets/reopen-ticket";
import { replyToTicket } from "@/server/support/tickets/reply-to-ticket";
import { customerTicketList, surveySummary, ticketDetail, ticketQueue } from "@/server/support/tickets/ticket-queries";
import { ctx, makeCustomer, makeCustomerUser, makeStaff } from "../support/factories";
import { codeOf } from "../support/helpers";

// Issue 18: support tickets from the portal and from staff (phone calls), under the desk's SLA clock
// (America/Toronto, Quebec's holidays, regular 8:30-17:00 and urgent 7:00-20:00 on weekdays).
const db = getDb();

// Friday 4 December 2026, 16:00 in Toronto (EST, UTC-5).
const FRIDAY_4PM = new Date("2026-12-04T21:00:00Z");
const later = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

async function aCompany() {
  const customer = await makeCustomer({ locale: "en" });
  const owner = await makeCustomerUser(customer.id, "OWNER");
  return { customer, owner: { id: owner.id, email: owner.email, customerId: customer.id } };
}

const emailsTo = (to: string) => db.outboundEmail.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });
const surveyToken = (text: string, score: number) => {
  const m = text.match(new RegExp(`/survey/([A-Za-z0-9_-]+)\\?score=${score}`));
  if (!m?.[1]) throw new Error(`no survey link in: ${text}`);
  return m[1];
};

describe("opening tickets on the desk calendar", () => {
  it("a regular portal ticket opened at 16:00 on a Friday is due on Monday at 11:30, Toronto time", async () => {
    const { customer, owner } = await aCompany();
    const opened = await openPortalTicket(db, owner, { subject: "Printer offline", urgency: "REGULAR", body: "The office printer stopped." }, FRIDAY_4PM);
    expect(opened.responseDueAt.toISOString()).toBe("2026-12-07T16:30:00.000Z");
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: opened.ticketId } });
    expect(ticket).toMatchObject({ customerId: customer.id, source: "PORTAL", requesterId: owner.id, requesterEmail: owner.email, status: "OPEN", firstResponseAt: null });
    const list = await customerTicketList(db, customer.id, later(FRIDAY_4PM, 1));
    expect(list).toEqual([expect.objectContaining({ id: opened.ticketId, reference: `T-${opened.number}`, urgency: "REGULAR", sla: { kind: "DUE", minutesLeft: expect.any(Number) } })]);
  });

  it("an urgent phone ticket at 19:30 on a Friday is due on Monday at 7:30; the caller must belong to the company", async () => {
    const { customer, owner } = await aCompany();
    const other = await aCompany();
    const staff = await makeStaff(["SUPPORT"]);
    const at = new Date("2026-12-05T00:30:00Z"); // Friday 19:30 in Toronto
    const input = (over: Record<string, string>) =>
      ZOpenStaffTicketInput.parse({ customerId: customer.id, requesterId: owner.id, requesterEmail: "", urgency: "URGENT", subject: "Server down", body: "Called: the web server answers 502.", ...over });
    const opened = await openStaffTicket(db, staff, input({}), ctx, at);
    expect(opened.responseDueAt.toISOString()).toBe("2026-12-07T12:30:00.000Z");
    const detail = await ticketDetail(db, { side: "STAFF" }, opened.ticketId, at);
    expect(detail).toMatchObject({ source: "STAFF", requesterEmail: owner.email, messages: [expect.objectContaining({ authorKind: "STAFF", body: "Called: the web server answers 502." })] });
    expect((await db.auditEvent.findFirstOrThrow({ where: { targetId: opened.ticketId } })).action).toBe("support_ticket.opened");

    // Another company's user, or an unknown company: refused on its field, nothing written.
    const before = await db.supportTicket.count();
    expect(await codeOf(openStaffTicket(db, staff, input({ requesterId: other.owner.id }), ctx, at))).toBe("VALIDATION_FAILED");
    expect(await codeOf(openStaffTicket(db, staff, input({ customerId: "00000000-0000-4000-8000-000000000000" }), ctx, at))).toBe("VALIDATION_FAILED");
    expect(await db.supportTicket.count()).toBe(before);
    // A caller without an account: just an e-mail address.
    const byEmail = await openStaffTicket(db, staff, input({ requesterId: "", requesterEmail: "Caller@Example.com" }), ctx, at);
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: byEmail.ticketId } })).requesterEmail).toBe("caller@example.com");
    expect(ZOpenStaffTicketInput.safeParse({ customerId: customer.id, requesterId: "", requesterEmail: "", urgency: "URGENT", subject: "x", body: "y" }).success).toBe(false);
    expect(ZOpenStaffTicketInput.safeParse({ customerId: customer.id, requesterId: owner.id, requesterEmail: "", urgency: "URGENT", subject: "x\u0000", body: "y" }).success).toBe(false);
  });
});

describe("replies", () => {
  it("the first staff reply sets firstResponseAt once and e-mails the requester the text with [T-n] in the subject", async () => {
    const { customer, owner } = await aCompany();
    const staff = await makeStaff(["SUPPORT"]);
    const opened = await openPortalTicket(db, owner, { subject: "VPN drops", urgency: "REGULAR", body: "Every hour." }, FRIDAY_4PM);
    const first = new Date("2026-12-07T14:00:00Z"); // Monday 9:00, before the 11:30 deadline
    await replyToTicket(db, { side: "STAFF", actor: staff, ctx }, { ticketId: opened.ticketId, body: "We are looking at the VPN logs." }, first);
    await replyToTicket(db, { side: "STAFF", actor: staff, ctx }, { ticketId: opened.ticketId, body: "Fixed: the lease time was too short." }, later(first, 30));
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { id: opened.ticketId } });
    expect(ticket.firstResponseAt?.toISOString()).toBe(first.toISOString());
    const detail = await ticketDetail(db, { side: "CUSTOMER", customerId: customer.id }, opened.ticketId, later(first, 60));
    expect(detail?.sla).toEqual({ kind: "RESPONDED_ON_TIME" });
    expect(detail?.messages.map((m) => m.authorKind)).toEqual(["CUSTOMER", "STAFF", "STAFF"]);

    const mails = (await emailsTo(owner.email)).filter((e) => e.template === "supportTicketReply");
    expect(mails).toHaveLength(2);
    expect(mails[0]?.subject).toBe(`[T-${opened.number}] VPN drops`);
    expect(mails[0]?.text).toContain("We are looking at the VPN logs.");
    expect(mails[1]?.text).toContain("Fixed: the lease time was too short.");
    const audit = await db.auditEvent.findMany({ where: { targetId: opened.ticketId }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["support_ticket.replied", "support_ticket.replied"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("VPN logs");
  });

  it("a late first response says so; a customer reply e-mails the assignee only", async () => {
    const { customer, owner } = await aCompany();
    const [tech, other] = [await makeStaff(["SUPPORT"]), await makeStaff(["SUPPORT"])];
    const opened = await openPortalTicket(db, owner, { subject: "Mail bounces", urgency: "REGULAR", body: "Since this morning." }, FRIDAY_4PM);
    await assignTicket(db, tech, opened.ticketId, tech.id, ctx, FRIDAY_4PM);
    await replyToTicket(db, { side: "CUSTOMER", actor: owner }, { ticketId: opened.ticketId, body: "Still bouncing." }, later(FRIDAY_4PM, 5));
    expect((await emailsTo(tech.email)).filter((e) => e.template === "supportCustomerReplied")).toHaveLength(1);
    expect((await emailsTo(other.email)).filter((e) => e.template === "supportCustomerReplied")).toHaveLength(0);
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: opened.ticketId } })).firstResponseAt).toBeNull();

    await replyToTicket(db, { side: "STAFF", actor: tech, ctx }, { ticketId: opened.ticketId, body: "On it." }, new Date("2026-12-07T17:00:00Z"));
    const detail = await ticketDetail(db, { side: "CUSTOMER", customerId: customer.id }, opened.ticketId, new Date("2026-12-07T18:00:00Z"));
    expect(detail?.sla).toEqual({ kind: "RESPONDED_LATE", lateMinutes: 30 });
  });

  it("keeps companies apart: another company's ticket is not found, for reading and replying", async () => {
    const a = await aCompany();
    const b = await aCompany();
    const opened = await openPortalTicket(db, a.owner, { subject: "Ours", urgency: "URGENT", body: "Private." }, FRIDAY_4PM);
    expect(await ticketDetail(db, { side: "CUSTOMER", customerId: b.customer.id }, opened.ticketId, FRIDAY_4PM)).toBeNull();
    expect(await codeOf(replyToTicket(db, { side: "CUSTOMER", actor: b.owner }, { ticketId: opened.ticketId, body: "Let me in" }, FRIDAY_4PM))).toBe("NOT_FOUND");
    expect(await customerTicketList(db, b.customer.id, FRIDAY_4PM)).toEqual([]);
    expect(await db.ticketMessage.count({ where: { ticketId: opened.ticketId } })).toBe(1);
  });
});

describe("queue, assignment, closing and the survey", () => {
  it("puts unanswered tickets due within the hour (or overdue) on top of the queue", async () => {
    const { owner } = await aCompany();
    const soon = await openPortalTicket(db, owner, { subject: "Soon", urgency: "URGENT", body: "x" }, new Date("2026-12-07T15:00:00Z")); // due 11:00 Toronto
    const calm = await openPortalTicket(db, owner, { subject: "Calm", urgency: "REGULAR", body: "x" }, new Date("2026-12-07T15:00:00Z")); // due 14:00 Toronto
    const now = new Date("2026-12-07T15:30:00Z"); // 10:30 in Toronto
    const queue = await ticketQueue(db, { status: "open", urgency: "all" }, now);
    expect(queue.aboutToBreach.map((t) => t.id)).toContain(soon.ticketId);
    expect(queue.aboutToBreach.map((t) => t.id)).not.toContain(calm.ticketId);
    expect(queue.rest.find((t) => t.id === calm.ticketId)?.sla).toEqual({ kind: "DUE", minutesLeft: 210 });
    const urgentOnly = await ticketQueue(db, { status: "open", urgency: "URGENT" }, now);
    expect([...urgentOnly.aboutToBreach, ...urgentOnly.rest].every((t) => t.urgency === "URGENT")).toBe(true);
  });

  it("assigns, closes with a survey e-mail, records a one-click score and a comment, reopens", async () => {
    const { owner } = await aCompany();
    const staff = await makeStaff(["SUPPORT"]);
    const opened = await openPortalTicket(db, owner, { subject: "Backup failed", urgency: "REGULAR", body: "Tonight's backup failed." }, FRIDAY_4PM);
    expect(await codeOf(assignTicket(db, staff, opened.ticketId, (await makeStaff(["BILLING"])).id, ctx, FRIDAY_4PM))).toBe("VALIDATION_FAILED");
    expect(await assignTicket(db, staff, opened.ticketId, staff.id, ctx, FRIDAY_4PM)).toEqual({ assigneeName: staff.name });

    const closedAt = later(FRIDAY_4PM, 60);
    expect(await closeTicket(db, staff, opened.ticketId, ctx, closedAt)).toEqual({ surveySentTo: owner.email });
    expect(await codeOf(closeTicket(db, staff, opened.ticketId, ctx, closedAt))).toBe("INVALID_TRANSITION");
    expect(await db.supportTicket.findUniqueOrThrow({ where: { id: opened.ticketId } })).toMatchObject({ status: "CLOSED", closedAt });
    const mail = (await emailsTo(owner.email)).find((e) => e.template === "supportSurvey");
    expect(mail?.subject).toBe(`[T-${opened.number}] How did we do?`);
    const token = surveyToken(mail?.text ?? "", 4);
    expect(surveyToken(mail?.text ?? "", 1)).toBe(token);
    // Only the hash is stored.
    expect(JSON.stringify(await db.satisfactionSurvey.findUniqueOrThrow({ where: { ticketId: opened.ticketId } }))).not.toContain(token);

    expect(await readSurvey(db, token)).toMatchObject({ reference: `T-${opened.number}`, score: null });
    expect(await answerSurvey(db, token, { score: 4 }, later(closedAt, 5))).toMatchObject({ score: 4, comment: "" });
    expect(await answerSurvey(db, token, { comment: "Quick and clear." }, later(closedAt, 6))).toMatchObject({ score: 4, comment: "Quick and clear." });
    expect(await answerSurvey(db, token, { score: 5 }, later(closedAt, 7))).toMatchObject({ score: 5, comment: "Quick and clear." });
    expect(await codeOf(answerSurvey(db, token, { score: 9 }, closedAt))).toBe("VALIDATION_FAILED");
    expect(await codeOf(answerSurvey(db, "unknown-token-unknown-token-unknown", { score: 3 }, closedAt))).toBe("TOKEN_INVALID");
    expect(await readSurvey(db, "unknown-token-unknown-token-unknown")).toBeNull();

    const detail = await ticketDetail(db, { side: "STAFF" }, opened.ticketId, closedAt);
    expect(detail?.survey).toMatchObject({ score: 5, comment: "Quick and clear." });
    const summary = await surveySummary(db, 50);
    expect(summary.latest.find((c) => c.ticketId === opened.ticketId)).toMatchObject({ score: 5, comment: "Quick and clear." });
    expect(summary.distribution.map((d) => d.score)).toEqual([1, 2, 3, 4, 5]);
    expect(summary.answered).toBeGreaterThanOrEqual(1);

    await reopenTicket(db, staff, opened.ticketId, ctx, later(closedAt, 10));
    expect(await codeOf(reopenTicket(db, staff, opened.ticketId, ctx, later(closedAt, 10)))).toBe("INVALID_TRANSITION");
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: opened.ticketId } })).status).toBe("OPEN");
    // Closing again sends a fresh link; the old one no longer opens the survey.
    await closeTicket(db, staff, opened.ticketId, ctx, later(closedAt, 20));
    expect((await emailsTo(owner.email)).filter((e) => e.template === "supportSurvey")).toHaveLength(2);
    expect(await readSurvey(db, token)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { targetId: opened.ticketId }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["support_ticket.assigned", "support_ticket.closed", "support_ticket.reopened", "support_ticket.closed"]);
  });

  it("a customer reply to a closed ticket opens it again; unknown tickets are not found for staff", async () => {
    const { owner } = await aCompany();
    const staff = await makeStaff(["SUPPORT"]);
    const opened = await openPortalTicket(db, owner, { subject: "Done?", urgency: "REGULAR", body: "x" }, FRIDAY_4PM);
    await closeTicket(db, staff, opened.ticketId, ctx, later(FRIDAY_4PM, 1));
    await replyToTicket(db, { side: "CUSTOMER", actor: owner }, { ticketId: opened.ticketId, body: "Not quite." }, later(FRIDAY_4PM, 2));
    expect(await db.supportTicket.findUniqueOrThrow({ where: { id: opened.ticketId } })).toMatchObject({ status: "OPEN", closedAt: null });
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(closeTicket(db, staff, missing, ctx, FRIDAY_4PM))).toBe("NOT_FOUND");
    expect(await codeOf(assignTicket(db, staff, missing, null, ctx, FRIDAY_4PM))).toBe("NOT_FOUND");
    expect(await codeOf(replyToTicket(db, { side: "STAFF", actor: staff, ctx }, { ticketId: missing, body: "x" }, FRIDAY_4PM))).toBe("NOT_FOUND");
  });
});
