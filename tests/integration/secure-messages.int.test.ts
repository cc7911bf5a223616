import { describe, expect, it } from "vitest";
import { ZStartThreadInput } from "@/contracts/messages";
import { isDomainError } from "@/domain/shared/domain-error";
import { getDb } from "@/server/db/client";
import { assignThread } from "@/server/messages/assign-thread";
import { changeThreadStatus } from "@/server/messages/change-thread-status";
import { getAttachment } from "@/server/messages/get-attachment";
import { markThreadRead } from "@/server/messages/mark-thread-read";
import { conversation, customerThreadList, staffThreadList, unreadThreadCount } from "@/server/messages/message-queries";
import { replyToThread } from "@/server/messages/reply-to-thread";
import { startThread } from "@/server/messages/start-thread";
import { ctx, makeCustomer, makeCustomerUser, makeStaff } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const pdf = (text = "hello") => ({ name: "statement.pdf", bytes: new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`) });
const SECRET_SUBJECT = "Our bank details changed";
const SECRET_BODY = "The new IBAN is FR7630006000011234567890189";

/** A company with two users, a billing staff member, and a thread the first user started with a PDF. */
async function aThread() {
  const customer = await makeCustomer();
  const [alice, bob] = [await makeCustomerUser(customer.id, "OWNER"), await makeCustomerUser(customer.id)];
  const staff = await makeStaff(["BILLING"]);
  const t0 = new Date();
  const { threadId } = await startThread(db, { ...alice, customerId: customer.id }, { subject: SECRET_SUBJECT, category: "OWNERSHIP_CHANGE", body: SECRET_BODY, attachments: [pdf()] }, t0);
  const thread = await conversation(db, { side: "STAFF" }, threadId);
  const attachmentId = thread?.messages[0]?.attachments[0]?.id ?? "";
  return { customer, alice: { ...alice, customerId: customer.id }, bob, staff, threadId, attachmentId, t0 };
}

const later = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);
const emailsAbout = (threadId: string) => db.outboundEmail.findMany({ where: { text: { contains: threadId } }, orderBy: { createdAt: "asc" } });

describe("secure messages between a company and the billing team", () => {
  it("a customer starts a thread with a PDF; staff see it unread until they open it", async () => {
    const { customer, alice, staff, threadId, attachmentId, t0 } = await aThread();
    const thread = await conversation(db, { side: "CUSTOMER", customerId: customer.id }, threadId);
    expect(thread).toMatchObject({ subject: SECRET_SUBJECT, category: "OWNERSHIP_CHANGE", status: "OPEN", assigneeId: null });
    expect(thread?.messages).toEqual([expect.objectContaining({ authorKind: "CUSTOMER", body: SECRET_BODY, attachments: [expect.objectContaining({ id: attachmentId, fileName: "statement.pdf", contentType: "application/pdf" })] })]);
    expect((await customerThreadList(db, customer.id)).find((t) => t.id === threadId)?.unread).toBe(false);
    expect((await staffThreadList(db, "all", staff.id)).find((t) => t.id === threadId)).toMatchObject({ unread: true, customerName: customer.legalName });
    expect((await staffThreadList(db, "unassigned", staff.id)).some((t) => t.id === threadId)).toBe(true);

    expect(await markThreadRead(db, { side: "STAFF" }, threadId, later(t0, 1))).toBe(true);
    expect((await staffThreadList(db, "all", staff.id)).find((t) => t.id === threadId)?.unread).toBe(false);
    const file = await getAttachment(db, { side: "CUSTOMER", customerId: alice.customerId }, attachmentId);
    expect(file?.contentType).toBe("application/pdf");
    expect(new TextDecoder().decode(file?.bytes).startsWith("%PDF-1.4")).toBe(true);
  });

  it("staff assign themselves and reply: the customer side sees it unread, the reply reopens a closed thread, every step is audited", async () => {
    const { customer, alice, staff, threadId, t0 } = await aThread();
    await assignThread(db, staff, threadId, staff.id, ctx, later(t0, 1));
    expect((await staffThreadList(db, "mine", staff.id)).map((t) => t.id)).toContain(threadId);
    await changeThreadStatus(db, staff, threadId, "CLOSED", ctx, later(t0, 2));
    expect(await codeOf(changeThreadStatus(db, staff, threadId, "CLOSED", ctx, later(t0, 2)))).toBe("INVALID_TRANSITION");

    await replyToThread(db, { side: "STAFF", actor: staff, ctx }, { threadId, body: "We have updated your details.", attachments: [] }, later(t0, 3));
    const afterReply = await conversation(db, { side: "CUSTOMER", customerId: customer.id }, threadId);
    expect(afterReply).toMatchObject({ status: "OPEN", assigneeName: staff.name });
    expect(afterReply?.messages.map((m) => m.authorKind)).toEqual(["CUSTOMER", "STAFF"]);
    expect((await customerThreadList(db, customer.id)).find((t) => t.id === threadId)?.unread).toBe(true);
    expect(await unreadThreadCount(db, { side: "CUSTOMER", customerId: customer.id })).toBe(1);

    // Anyone of the company reading it clears the company's badge; the customer's answer is staff's unread.
    await markThreadRead(db, { side: "CUSTOMER", customerId: customer.id }, threadId, later(t0, 4));
    expect(await unreadThreadCount(db, { side: "CUSTOMER", customerId: customer.id })).toBe(0);
    await replyToThread(db, { side: "CUSTOMER", actor: alice }, { threadId, body: "Thank you", attachments: [pdf("receipt")] }, later(t0, 5));
    expect((await staffThreadList(db, "mine", staff.id)).find((t) => t.id === threadId)?.unread).toBe(true);

    const audit = await db.auditEvent.findMany({ where: { targetId: threadId }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["message_thread.assigned", "message_thread.closed", "message_thread.replied"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("updated your details");
  });

  it("e-mails the other side a link to the thread, never its subject or content", async () => {
    const { alice, bob, staff, threadId, t0 } = await aThread();
    const toStaff = (await emailsAbout(threadId)).filter((e) => e.toAddress === staff.email);
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]?.text).toContain(`http://comptoir.test/staff/messages/${threadId}`);

    // Once assigned, only the assignee hears of the customer's messages.
    const other = await makeStaff(["BILLING"]);
    await assignThread(db, staff, threadId, other.id, ctx, later(t0, 1));
    await replyToThread(db, { side: "CUSTOMER", actor: alice }, { threadId, body: SECRET_BODY, attachments: [] }, later(t0, 2));
    await replyToThread(db, { side: "STAFF", actor: other, ctx }, { threadId, body: "Noted, the IBAN FR76 is saved.", attachments: [pdf()] }, later(t0, 3));
    const mails = await emailsAbout(threadId);
    const staffMails = mails.filter((e) => e.toAddress === staff.email || e.toAddress === other.email);
    expect(staffMails.map((e) => e.toAddress)).toEqual([staff.email, other.email]);
    const toCustomer = mails.filter((e) => e.toAddress === alice.email || e.toAddress === bob.email);
    expect(toCustomer.map((e) => e.toAddress).sort()).toEqual([alice.email, bob.email].sort());
    expect(toCustomer[0]?.text).toContain(`http://comptoir.test/portal/messages/${threadId}`);
    for (const m of mails) {
      expect(m.subject).toMatch(/secure message|message sécurisé|mensaje seguro/);
      for (const part of [m.subject, m.text, m.html]) {
        expect(part).not.toContain(SECRET_SUBJECT);
        expect(part).not.toContain("IBAN");
        expect(part).not.toContain("statement.pdf");
      }
    }
  });

  it("a user of another company can neither list, read, mark, reply to nor download company A's thread, even knowing its ids", async () => {
    const a = await aThread();
    const otherCompany = await makeCustomer();
    const mallory = { ...(await makeCustomerUser(otherCompany.id, "OWNER")), customerId: otherCompany.id };
    const asB = { side: "CUSTOMER" as const, customerId: otherCompany.id };

    expect((await customerThreadList(db, otherCompany.id)).map((t) => t.id)).not.toContain(a.threadId);
    expect(await conversation(db, asB, a.threadId)).toBeNull();
    expect(await markThreadRead(db, asB, a.threadId, later(a.t0, 1))).toBe(false);
    expect(await codeOf(replyToThread(db, { side: "CUSTOMER", actor: mallory }, { threadId: a.threadId, body: "hi", attachments: [pdf()] }, later(a.t0, 1)))).toBe("NOT_FOUND");
    expect(await getAttachment(db, asB, a.attachmentId)).toBeNull();
    expect(await unreadThreadCount(db, asB)).toBe(0);

    // Nothing of B's attempts reached A's thread.
    const thread = await conversation(db, { side: "STAFF" }, a.threadId);
    expect(thread?.messages).toHaveLength(1);
    const row = await db.messageThread.findUniqueOrThrow({ where: { id: a.threadId } });
    expect(row.customerReadAt?.getTime()).toBe(a.t0.getTime());
  });

  it("refuses a program renamed .pdf with a field error, and writes nothing", async () => {
    const customer = await makeCustomer();
    const user = { ...(await makeCustomerUser(customer.id)), customerId: customer.id };
    const fake = { name: "invoice.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) };
    const raw = { subject: "Invoice", category: "BILLING_QUESTION", body: "See attached", attachments: [fake] };

    const parsed = ZStartThreadInput.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["attachments"], params: { code: "ATTACHMENT_TYPE_REFUSED" } })]);

    // The use-case checks again whoever calls it.
    const refusal = await startThread(db, user, { subject: "Invoice", category: "BILLING_QUESTION", body: "See attached", attachments: [fake] }, new Date()).catch((e) => e);
    expect(isDomainError(refusal) && refusal.details).toEqual({ field: "attachments", reason: "ATTACHMENT_TYPE_REFUSED" });
    expect(await db.messageThread.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await db.message.count({ where: { authorId: user.id } })).toBe(0);
    expect(await codeOf(startThread(db, user, { subject: "x", category: "URGENT", body: "y", attachments: [pdf(), pdf(), pdf(), pdf()] }, new Date()))).toBe("VALIDATION_FAILED");
    expect(await db.messageThread.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("only billing staff and admins can be assigned", async () => {
    const { staff, threadId } = await aThread();
    const support = await makeStaff(["SUPPORT"]);
    const refusal = await assignThread(db, staff, threadId, support.id, ctx, new Date()).catch((e) => e);
    expect(isDomainError(refusal) && refusal.details).toEqual({ field: "assigneeId", reason: "UNKNOWN_ASSIGNEE" });
    expect(await codeOf(assignThread(db, staff, "00000000-0000-4000-8000-000000000000", null, ctx, new Date()))).toBe("NOT_FOUND");
  });
});
