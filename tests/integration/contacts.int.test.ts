import { describe, expect, it } from "vitest";
import { isDomainError } from "@/domain/shared/domain-error";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { changeContact } from "@/server/contacts/change-contact";
import { getTeam } from "@/server/contacts/get-team";
import { inviteColleague } from "@/server/contacts/invite-colleague";
import { getDb } from "@/server/db/client";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { inviteCustomerUser } from "@/server/invitations/invite-customer-user";
import { ctx, makeCustomer, makeCustomerUser, makeStaff, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { codeOf, latestEmailTo, tokenFrom } from "../support/helpers";

// Issue 17, contacts: one primary representative (OWNER) per company who, like billing staff,
// invites, disables, re-enables and removes secondary ones and hands the role over; a group may cap
// the number of contacts; the primary is told when a secondary joins, with the group's message.
const db = getDb();
const now = () => new Date();

async function company(opts: { cap?: number; secondaryAdded?: Record<string, string> } = {}) {
  const customer = await makeCustomer();
  if (opts.cap !== undefined || opts.secondaryAdded) {
    const group = await db.customerGroup.create({
      data: { name: `Contacts ${customer.id}`, maxContacts: opts.cap ?? null, portalMessages: opts.secondaryAdded ? { secondaryAdded: opts.secondaryAdded } : {} },
    });
    await db.customer.update({ where: { id: customer.id }, data: { groupId: group.id } });
  }
  const owner = await makeCustomerUser(customer.id, "OWNER");
  const asOwner = { id: owner.id, email: owner.email, name: owner.name, customerId: customer.id };
  return { customer, owner, asOwner, changer: { kind: "customer" as const, ...asOwner } };
}

async function reason(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (isDomainError(e)) return String(e.details?.reason ?? e.code);
    throw e;
  }
}

describe("contacts", () => {
  it("the owner invites a colleague, who joins as a secondary representative; the owner is told with the group's message", async () => {
    const { customer, owner, asOwner } = await company({ secondaryAdded: { en: "Remember: secondary contacts cannot change the billing e-mail.", fr: "Rappel : pas de changement d’e-mail." } });
    const email = uniqueEmail("colleague");
    await inviteColleague(db, asOwner, { email, locale: "en" }, ctx, now());
    const token = tokenFrom((await latestEmailTo(email)).text, "invitation");
    await acceptInvitation(db, { token, name: "Sam Second", password: TEST_PASSWORD }, ctx, now());
    const joined = await db.user.findUniqueOrThrow({ where: { email } });
    expect(joined).toMatchObject({ customerId: customer.id, customerRole: "MEMBER" });

    const notice = await latestEmailTo(owner.email);
    expect(notice.template).toBe("contactAdded");
    expect(notice.subject).toContain("Sam Second");
    expect(notice.text).toContain("Remember: secondary contacts cannot change the billing e-mail.");
    expect(notice.text).toContain(email);
  });

  it("a secondary representative can neither invite nor manage anyone; nobody acts on another company's contacts", async () => {
    const { customer, owner } = await company();
    const member = await makeCustomerUser(customer.id, "MEMBER");
    const other = await makeCustomerUser(customer.id, "MEMBER");
    const asMember = { kind: "customer" as const, id: member.id, email: member.email, name: member.name, customerId: customer.id };
    expect(await reason(inviteColleague(db, asMember, { email: uniqueEmail(), locale: "en" }, ctx, now()))).toBe("NOT_OWNER");
    expect(await reason(changeContact(db, asMember, customer.id, other.id, "disable", ctx, now()))).toBe("NOT_OWNER");
    expect(await reason(changeContact(db, asMember, customer.id, owner.id, "remove", ctx, now()))).toBe("NOT_OWNER");

    // An owner of company B naming a user of company A, or A itself: not found, nothing changed.
    const b = await company();
    expect(await codeOf(changeContact(db, b.changer, b.customer.id, other.id, "disable", ctx, now()))).toBe("NOT_FOUND");
    expect(await codeOf(changeContact(db, b.changer, customer.id, other.id, "disable", ctx, now()))).toBe("NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).disabledAt).toBeNull();
  });

  it("disabling signs the contact out and refuses sign-in; re-enabling lets them back", async () => {
    const { customer, changer } = await company();
    const member = await makeCustomerUser(customer.id, "MEMBER");
    const before = member.sessionVersion;
    await changeContact(db, changer, customer.id, member.id, "disable", ctx, now());
    const disabled = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.sessionVersion).toBe(before + 1);
    expect(await signInWithPassword(db, { email: member.email, password: TEST_PASSWORD }, ctx, now())).toBeNull();
    expect(await reason(changeContact(db, changer, customer.id, member.id, "disable", ctx, now()))).toBe("ALREADY_DISABLED");
    await changeContact(db, changer, customer.id, member.id, "enable", ctx, now());
    expect(await signInWithPassword(db, { email: member.email, password: TEST_PASSWORD }, ctx, now())).toMatchObject({ userId: member.id });
    expect(await db.auditEvent.count({ where: { targetId: member.id, action: { in: ["contact.disabled", "contact.enabled"] } } })).toBe(2);
  });

  it("removing hides the contact, frees their e-mail for a new invitation, and keeps the row for the audit trail", async () => {
    const { customer, changer, asOwner } = await company();
    const member = await makeCustomerUser(customer.id, "MEMBER");
    await changeContact(db, changer, customer.id, member.id, "remove", ctx, now());
    const team = await getTeam(db, customer.id, now());
    expect(team.contacts.map((c) => c.id)).not.toContain(member.id);
    const row = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.removedAt).not.toBeNull();
    expect(row.passwordHash).toBeNull();
    expect(await codeOf(inviteColleague(db, asOwner, { email: member.email, locale: "en" }, ctx, now()))).toBe("OK");
    expect(await codeOf(changeContact(db, changer, customer.id, member.id, "enable", ctx, now()))).toBe("NOT_FOUND");
  });

  it("hands the primary role over: one owner at a time, never to oneself or a disabled contact, and the owner is never disabled or removed", async () => {
    const { customer, owner, changer } = await company();
    const member = await makeCustomerUser(customer.id, "MEMBER");
    expect(await reason(changeContact(db, changer, customer.id, owner.id, "makeOwner", ctx, now()))).toBe("SELF");
    const staff = await makeStaff(["BILLING"]);
    const asStaff = { kind: "staff" as const, id: staff.id, email: staff.email };
    expect(await reason(changeContact(db, asStaff, customer.id, owner.id, "disable", ctx, now()))).toBe("OWNER_TARGET");
    expect(await reason(changeContact(db, asStaff, customer.id, owner.id, "remove", ctx, now()))).toBe("OWNER_TARGET");

    await changeContact(db, changer, customer.id, member.id, "makeOwner", ctx, now());
    const roles = await db.user.findMany({ where: { customerId: customer.id }, select: { id: true, customerRole: true } });
    expect(roles.filter((r) => r.customerRole === "OWNER").map((r) => r.id)).toEqual([member.id]);
    // The former owner is a secondary representative now, and manages nobody.
    expect(await reason(changeContact(db, changer, customer.id, member.id, "disable", ctx, now()))).toBe("NOT_OWNER");

    const third = await makeCustomerUser(customer.id, "MEMBER");
    await changeContact(db, asStaff, customer.id, third.id, "disable", ctx, now());
    expect(await reason(changeContact(db, asStaff, customer.id, third.id, "makeOwner", ctx, now()))).toBe("DISABLED_TARGET");
  });

  it("caps contacts per group: open invitations count, disabled contacts and expired invitations free a place, and two invitations at once cannot both take the last one", async () => {
    const { customer, changer, asOwner } = await company({ cap: 3 });
    const member = await makeCustomerUser(customer.id, "MEMBER"); // owner + member: 2 of 3
    const results = await Promise.allSettled(
      [uniqueEmail("race-a"), uniqueEmail("race-b")].map((email) => inviteColleague(db, asOwner, { email, locale: "en" }, ctx, now())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isDomainError(refused.reason) && refused.reason.code).toBe("CONTACT_CAP_REACHED");
    // Staff are held to the cap too.
    const staff = await makeStaff(["BILLING"]);
    expect(await codeOf(inviteCustomerUser(db, staff, { customerId: customer.id, email: uniqueEmail(), role: "MEMBER", locale: "en" }, ctx, now()))).toBe("CONTACT_CAP_REACHED");

    // Disabling the member frees a place; re-enabling them then would exceed the cap.
    await changeContact(db, changer, customer.id, member.id, "disable", ctx, now());
    await inviteColleague(db, asOwner, { email: uniqueEmail("freed"), locale: "en" }, ctx, now());
    expect(await codeOf(changeContact(db, changer, customer.id, member.id, "enable", ctx, now()))).toBe("CONTACT_CAP_REACHED");

    // A week later, the invitations' links have expired: their places are free again.
    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    expect(await codeOf(changeContact(db, changer, customer.id, member.id, "enable", ctx, later))).toBe("OK");
    expect((await getTeam(db, customer.id, later)).counted).toBe(2);
  });

  it("the owner names authorised support contacts, themselves included, up to the desk's cap; revoking frees a place", async () => {
    const { customer, owner, changer } = await company();
    await db.supportSettings.update({ where: { id: 1 }, data: { maxSupportContacts: 2 } });
    try {
      const a = await makeCustomerUser(customer.id, "MEMBER");
      const b = await makeCustomerUser(customer.id, "MEMBER");
      await changeContact(db, changer, customer.id, owner.id, "authoriseSupport", ctx, now());
      await changeContact(db, changer, customer.id, a.id, "authoriseSupport", ctx, now());
      expect(await codeOf(changeContact(db, changer, customer.id, b.id, "authoriseSupport", ctx, now()))).toBe("SUPPORT_CONTACT_CAP_REACHED");
      expect((await db.user.findUniqueOrThrow({ where: { id: b.id } })).supportContact).toBe(false);
      expect((await getTeam(db, customer.id, now())).supportCap).toEqual({ count: 2, cap: 2 });

      await changeContact(db, { kind: "staff", id: owner.id, email: owner.email }, customer.id, a.id, "revokeSupport", ctx, now());
      await changeContact(db, changer, customer.id, b.id, "authoriseSupport", ctx, now());
      const team = await getTeam(db, customer.id, now());
      expect(team.contacts.filter((c) => c.supportContact).map((c) => c.id).sort()).toEqual([owner.id, b.id].sort());
      expect(await reason(changeContact(db, changer, customer.id, b.id, "authoriseSupport", ctx, now()))).toBe("ALREADY_SUPPORT_CONTACT");
      const audit = await db.auditEvent.findFirst({ where: { action: "contact.support_revoked", targetId: a.id } });
      expect(audit?.customerId).toBe(customer.id);
    } finally {
      await db.supportSettings.update({ where: { id: 1 }, data: { maxSupportContacts: 4 } });
    }
  });
});
