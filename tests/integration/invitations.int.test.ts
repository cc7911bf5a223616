import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { acceptInvitation, describeInvitation } from "@/server/invitations/accept-invitation";
import { inviteCustomerUser } from "@/server/invitations/invite-customer-user";
import { resendInvitation } from "@/server/invitations/resend-invitation";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";
import { ctx, makeCustomer, makeCustomerUser, makeStaff, uniqueEmail } from "../support/factories";
import { codeOf, latestEmailTo, tokenFrom } from "../support/helpers";

const DAY = 24 * 3600 * 1000;
const db = getDb();

async function invite(locale: "en" | "fr" | "es" = "fr", now = new Date()) {
  const customer = await makeCustomer({ legalName: `Crème & Brûlée ${Math.random()}` });
  const staff = await makeStaff(["BILLING"]);
  const email = uniqueEmail("invitee");
  const { invitationId } = await inviteCustomerUser(db, staff, { customerId: customer.id, email, role: "MEMBER", locale }, ctx, now);
  const mail = await latestEmailTo(email);
  return { customer, staff, email, invitationId, mail, token: tokenFrom(mail.text, "invitation") };
}

describe("inviting a customer user", () => {
  it("stores the e-mail in the outbox in the invitee's language, with a link whose token is stored only hashed", async () => {
    const { mail, token, customer } = await invite("fr");
    expect(mail.status).toBe("CAPTURED");
    expect(mail.subject).toContain(customer.legalName);
    expect(mail.subject).toContain("vous invite");
    expect(mail.html).toContain("Crème &amp; Brûlée");
    expect(mail.text).toContain("http://comptoir.test/invitation?token=");
    expect(await db.authToken.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("renders Spanish e-mails with their accents", async () => {
    const { mail } = await invite("es");
    expect(mail.subject).toContain("le invita al portal de facturación");
    expect(mail.text).toContain("Abra el enlace de abajo para elegir su contraseña");
  });

  it("lets the invitee set a password once, then sign in as a member of the company", async () => {
    const { customer, email, token } = await invite();
    const now = new Date();
    expect(await describeInvitation(db, token, now)).toMatchObject({ email, companyName: customer.legalName });
    const accepted = await acceptInvitation(db, { token, name: "Zoë Écrivain", password: "a long enough secret" }, ctx, now);
    expect(accepted.email).toBe(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ kind: "CUSTOMER", customerId: customer.id, customerRole: "MEMBER", name: "Zoë Écrivain" });
    expect(await signInWithPassword(db, { email, password: "a long enough secret" }, ctx, now)).toMatchObject({ userId: user.id });
    expect(await codeOf(acceptInvitation(db, { token, name: "Again", password: "a long enough secret" }, ctx, now))).toBe("TOKEN_USED");
  });

  it("creates one account when the same link is submitted twice at once", async () => {
    const { token, email } = await invite();
    const results = await Promise.allSettled(
      [1, 2].map(() => acceptInvitation(db, { token, name: "Twin", password: "a long enough secret" }, ctx, new Date())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired link, and a weak password without using the link", async () => {
    const { token } = await invite();
    expect(await codeOf(acceptInvitation(db, { token, name: "X", password: "short" }, ctx, new Date()))).toBe("PASSWORD_REJECTED");
    const later = new Date(Date.now() + 7 * DAY + 1000);
    expect(await codeOf(acceptInvitation(db, { token, name: "X", password: "a long enough secret" }, ctx, later))).toBe("TOKEN_EXPIRED");
  });

  it("re-sending replaces the link; revoking kills it", async () => {
    const { customer, staff, email, invitationId, token: first } = await invite();
    await resendInvitation(db, staff, customer.id, invitationId, ctx, new Date());
    const second = tokenFrom((await latestEmailTo(email)).text, "invitation");
    expect(second).not.toBe(first);
    expect(await codeOf(describeInvitation(db, first, new Date()))).toBe("TOKEN_INVALID");
    await describeInvitation(db, second, new Date());
    await revokeInvitation(db, staff, customer.id, invitationId, ctx, new Date());
    expect(await codeOf(describeInvitation(db, second, new Date()))).toBe("TOKEN_INVALID");
  });

  it("refuses to invite an e-mail that already has an account, or twice into the same company", async () => {
    const customer = await makeCustomer();
    const staff = await makeStaff();
    const existing = await makeCustomerUser(customer.id);
    const input = { customerId: customer.id, role: "MEMBER" as const, locale: "en" as const };
    expect(await codeOf(inviteCustomerUser(db, staff, { ...input, email: existing.email }, ctx, new Date()))).toBe("EMAIL_ALREADY_REGISTERED");
    const email = uniqueEmail();
    await inviteCustomerUser(db, staff, { ...input, email }, ctx, new Date());
    expect(await codeOf(inviteCustomerUser(db, staff, { ...input, email: email.toUpperCase() }, ctx, new Date()))).toBe("INVITATION_ALREADY_PENDING");
  });

  it("cannot touch another company's invitation through a wrong customer id", async () => {
    const { staff, invitationId } = await invite();
    const other = await makeCustomer();
    expect(await codeOf(revokeInvitation(db, staff, other.id, invitationId, ctx, new Date()))).toBe("NOT_FOUND");
    expect(await codeOf(resendInvitation(db, staff, other.id, invitationId, ctx, new Date()))).toBe("NOT_FOUND");
  });

  it("audits who invited whom and who accepted", async () => {
    const { invitationId, staff, token } = await invite();
    await acceptInvitation(db, { token, name: "Audited", password: "a long enough secret" }, ctx, new Date());
    const events = await db.auditEvent.findMany({ where: { targetId: invitationId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["invitation.created", "invitation.accepted"]);
    expect(events[0]).toMatchObject({ actorUserId: staff.id, ip: ctx.ip });
  });
});
