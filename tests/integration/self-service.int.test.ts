import { describe, expect, it } from "vitest";
import { formFields, toErrorState } from "@/app/_lib/action-state";
import { ZChangePasswordInput, ZUpdateCompanyInfoInput } from "@/contracts/self-service";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { updateCustomer } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { changePassword } from "@/server/self-service/change-password";
import { checkBillingEmailLink, confirmBillingEmailChange } from "@/server/self-service/confirm-billing-email-change";
import { requestBillingEmailChange } from "@/server/self-service/request-billing-email-change";
import { updateCompanyInfo } from "@/server/self-service/update-company-info";
import { updateProfile } from "@/server/self-service/update-profile";
import { listSitesWithSubscriptions } from "@/server/self-service/self-service-repository";
import { ctx, makeCustomer, makeCustomerUser, makeProducts, makeStaff, makeSubscription, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { codeOf, latestEmailTo } from "../support/helpers";

const db = getDb();

async function ownerAndMember() {
  const customer = await makeCustomer();
  const owner = await makeCustomerUser(customer.id, "OWNER");
  const member = await makeCustomerUser(customer.id, "MEMBER");
  const actor = (u: typeof owner) => ({ id: u.id, email: u.email, customerId: customer.id, customerRole: u.customerRole ?? "MEMBER" });
  return { customer, owner: actor(owner), member: actor(member), ownerRow: owner };
}

/** The token of the confirmation link in an e-mail. */
function confirmToken(text: string): string {
  const m = text.match(/\/billing-email\/confirm\/([A-Za-z0-9_-]+)/);
  if (!m?.[1]) throw new Error(`no confirmation link in: ${text}`);
  return m[1];
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("billing e-mail change", () => {
  it("sends a link to the new address, tells the old one, and changes nothing until the link is confirmed", async () => {
    const { customer, owner } = await ownerAndMember();
    const now = new Date();
    const newAddress = uniqueEmail("invoices");
    await requestBillingEmailChange(db, owner, { billingEmail: newAddress }, "en", ctx, now);

    const pending = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(pending.billingEmail).toBe(customer.billingEmail);
    expect(pending.pendingBillingEmail).toBe(newAddress);
    const link = await latestEmailTo(newAddress);
    expect(link.template).toBe("billingEmailConfirm");
    const token = confirmToken(link.text);
    // Only the hash is stored.
    expect(await db.authToken.count({ where: { tokenHash: token } })).toBe(0);
    const notice = await latestEmailTo(customer.billingEmail);
    expect(notice.template).toBe("billingEmailChangeRequested");
    expect(notice.text).toContain(newAddress);
    expect(notice.text).not.toMatch(/billing-email\/confirm/);

    expect(await checkBillingEmailLink(db, token, now)).toEqual({ companyName: customer.legalName, newAddress });
    await confirmBillingEmailChange(db, token, ctx, new Date(now.getTime() + 1000));
    const after = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(after.billingEmail).toBe(newAddress);
    expect(after.pendingBillingEmail).toBeNull();
    expect((await latestEmailTo(customer.billingEmail)).template).toBe("billingEmailChanged");
    expect(await db.auditEvent.count({ where: { customerId: customer.id, action: "customer.billing_email_changed" } })).toBe(1);
    expect(await codeOf(confirmBillingEmailChange(db, token, ctx, now))).toBe("TOKEN_USED");
  });

  it("a second request revokes the first link, which says so", async () => {
    const { customer, owner } = await ownerAndMember();
    const now = new Date();
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await requestBillingEmailChange(db, owner, { billingEmail: first }, "en", ctx, now);
    const firstToken = confirmToken((await latestEmailTo(first)).text);
    await requestBillingEmailChange(db, owner, { billingEmail: second }, "en", ctx, now);
    expect(await codeOf(checkBillingEmailLink(db, firstToken, now))).toBe("TOKEN_SUPERSEDED");
    expect(await codeOf(confirmBillingEmailChange(db, firstToken, ctx, now))).toBe("TOKEN_SUPERSEDED");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).billingEmail).toBe(customer.billingEmail);
    await confirmBillingEmailChange(db, confirmToken((await latestEmailTo(second)).text), ctx, now);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).billingEmail).toBe(second);
  });

  it("an expired link says so and changes nothing", async () => {
    const { customer, owner } = await ownerAndMember();
    const now = new Date();
    const address = uniqueEmail("late");
    await requestBillingEmailChange(db, owner, { billingEmail: address }, "en", ctx, now);
    const token = confirmToken((await latestEmailTo(address)).text);
    const later = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    expect(await codeOf(confirmBillingEmailChange(db, token, ctx, later))).toBe("TOKEN_EXPIRED");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).billingEmail).toBe(customer.billingEmail);
    expect(await codeOf(checkBillingEmailLink(db, "x".repeat(43), now))).toBe("TOKEN_INVALID");
  });

  it("a billing e-mail set by staff drops the pending request, whose link then says it is invalid", async () => {
    const { customer, owner } = await ownerAndMember();
    const now = new Date();
    const asked = uniqueEmail("asked");
    await requestBillingEmailChange(db, owner, { billingEmail: asked }, "en", ctx, now);
    const token = confirmToken((await latestEmailTo(asked)).text);
    const staffChoice = uniqueEmail("staff");
    await updateCustomer(db, await makeStaff(), customer.id, { billingEmail: staffChoice }, now);
    expect(await codeOf(confirmBillingEmailChange(db, token, ctx, now))).toBe("TOKEN_SUPERSEDED");
    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect([row.billingEmail, row.pendingBillingEmail]).toEqual([staffChoice, null]);
  });

  it("refuses a member, and the same address again", async () => {
    const { customer, owner, member } = await ownerAndMember();
    expect(await codeOf(requestBillingEmailChange(db, member, { billingEmail: uniqueEmail() }, "en", ctx, new Date()))).toBe("FORBIDDEN");
    expect(await codeOf(requestBillingEmailChange(db, owner, { billingEmail: customer.billingEmail }, "en", ctx, new Date()))).toBe("BILLING_EMAIL_UNCHANGED");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).pendingBillingEmail).toBeNull();
    expect(await db.authToken.count({ where: { purpose: "BILLING_EMAIL_CHANGE", user: { customerId: customer.id } } })).toBe(0);
  });

  it("another company's link changes only that company, and does not revoke ours", async () => {
    const ours = await ownerAndMember();
    const theirs = await ownerAndMember();
    const now = new Date();
    const ourNew = uniqueEmail("ours");
    const theirNew = uniqueEmail("theirs");
    await requestBillingEmailChange(db, ours.owner, { billingEmail: ourNew }, "en", ctx, now);
    await requestBillingEmailChange(db, theirs.owner, { billingEmail: theirNew }, "en", ctx, now);
    await confirmBillingEmailChange(db, confirmToken((await latestEmailTo(theirNew)).text), ctx, now);
    const ourRow = await db.customer.findUniqueOrThrow({ where: { id: ours.customer.id } });
    expect(ourRow.billingEmail).toBe(ours.customer.billingEmail);
    expect(ourRow.pendingBillingEmail).toBe(ourNew);
    expect((await db.customer.findUniqueOrThrow({ where: { id: theirs.customer.id } })).billingEmail).toBe(theirNew);
    expect(await checkBillingEmailLink(db, confirmToken((await latestEmailTo(ourNew)).text), now)).toEqual({ companyName: ours.customer.legalName, newAddress: ourNew });
  });
});

describe("password change", () => {
  it("refuses a wrong current password and a password the policy refuses, and writes nothing", async () => {
    const { owner, ownerRow } = await ownerAndMember();
    const wrong = await codeOf(changePassword(db, owner, { currentPassword: "not my password", password: "a brand new passphrase", confirm: "a brand new passphrase" }, ctx, new Date()));
    expect(wrong).toBe("CURRENT_PASSWORD_WRONG");
    const short = changePassword(db, owner, { currentPassword: TEST_PASSWORD, password: "short", confirm: "short" }, ctx, new Date());
    expect(toErrorState(await short.catch((e) => e))).toEqual({ status: "error", code: "PASSWORD_TOO_SHORT", fields: { password: "PASSWORD_TOO_SHORT" } });
    const sameAsEmail = await codeOf(changePassword(db, owner, { currentPassword: TEST_PASSWORD, password: owner.email, confirm: owner.email }, ctx, new Date()));
    expect(sameAsEmail).toBe("PASSWORD_REJECTED");
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).sessionVersion).toBe(ownerRow.sessionVersion);
    // The two new passwords must match (the form's contract).
    expect(ZChangePasswordInput.safeParse({ currentPassword: "x", password: "a brand new passphrase", confirm: "another" }).error?.issues[0]?.path).toEqual(["confirm"]);
  });

  it("sets the new password and ends other sessions (the session version moves on)", async () => {
    const { owner, ownerRow } = await ownerAndMember();
    const now = new Date();
    const { sessionVersion } = await changePassword(db, owner, { currentPassword: TEST_PASSWORD, password: "a brand new passphrase", confirm: "a brand new passphrase" }, ctx, now);
    expect(sessionVersion).toBe(ownerRow.sessionVersion + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).sessionVersion).toBe(sessionVersion);
    expect(await signInWithPassword(db, { email: owner.email, password: TEST_PASSWORD }, ctx, now, async () => {})).toBeNull();
    expect(await signInWithPassword(db, { email: owner.email, password: "a brand new passphrase" }, ctx, now, async () => {})).not.toBeNull();
    expect(await db.auditEvent.count({ where: { actorUserId: owner.id, action: "auth.password.changed" } })).toBe(1);
  });
});

describe("profile and company details", () => {
  it("saves the profile and audits the fields that changed", async () => {
    const { member } = await ownerAndMember();
    const result = await updateProfile(db, member, { name: "Marie Martin", phone: "+33 4 72 00 00 00" }, ctx, new Date());
    expect(result.changedFields).toEqual(["name", "phone"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { name: true, phone: true } })).toEqual({ name: "Marie Martin", phone: "+33 4 72 00 00 00" });
  });

  it("refuses NUL bytes, overlong text, an unknown country and a bad phone field by field, writing nothing", async () => {
    const { customer } = await ownerAndMember();
    const submitted = form({ addressLine1: "1 rue\u0000 du Port", addressLine2: "", postalCode: "9".repeat(21), city: "Lyon", country: "ZZ", phone: "call me" });
    let state: ReturnType<typeof toErrorState> | undefined;
    try {
      ZUpdateCompanyInfoInput.parse(formFields(submitted));
    } catch (e) {
      state = toErrorState(e, submitted);
    }
    expect(state).toMatchObject({ status: "error", code: "VALIDATION_FAILED", fields: { addressLine1: "NUL_BYTE" } });
    const rest = ZUpdateCompanyInfoInput.safeParse({ addressLine1: "1 rue du Port", addressLine2: "", postalCode: "9".repeat(21), city: "Lyon", country: "ZZ", phone: "call me" });
    expect(toErrorState(rest.error)).toEqual({ status: "error", code: "VALIDATION_FAILED", fields: { postalCode: "TOO_LONG", country: "NOT_A_COUNTRY", phone: "NOT_A_PHONE" } });
    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect([row.addressLine1, row.postalCode, row.country, row.phone]).toEqual([customer.addressLine1, customer.postalCode, customer.country, ""]);
  });

  it("lets the owner update the company and answers with the group's contactUpdated message; a member is refused", async () => {
    const { customer, owner, member } = await ownerAndMember();
    const group = await db.customerGroup.create({
      data: { name: `Self-service ${customer.id}`, portalMessages: { contactUpdated: { en: "Thanks, we will check the new details.", fr: "Merci, nous vérifions vos coordonnées." } } },
    });
    await db.customer.update({ where: { id: customer.id }, data: { groupId: group.id } });
    const input = ZUpdateCompanyInfoInput.parse({ addressLine1: "4 quai Rambaud", addressLine2: "", postalCode: "69002", city: "Lyon", country: "fr", phone: "+33 4 78 00 00 00" });
    expect(await codeOf(updateCompanyInfo(db, member, input, "en", ctx, new Date()))).toBe("FORBIDDEN");

    const fr = await updateCompanyInfo(db, owner, input, "fr", ctx, new Date());
    expect(fr.message).toBe("Merci, nous vérifions vos coordonnées.");
    expect(fr.changedFields.sort()).toEqual(["addressLine1", "city", "phone", "postalCode"]);
    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect([row.addressLine1, row.postalCode, row.city, row.country, row.phone, row.legalName]).toEqual(["4 quai Rambaud", "69002", "Lyon", "FR", "+33 4 78 00 00 00", customer.legalName]);
    // Spanish falls back to English; nothing changed, so nothing more is audited.
    const es = await updateCompanyInfo(db, owner, input, "es", ctx, new Date());
    expect(es).toEqual({ changedFields: [], message: "Thanks, we will check the new details." });
    expect(await db.auditEvent.count({ where: { customerId: customer.id, action: "customer.company_info_updated" } })).toBe(1);
    // Legal name and tax ID are not part of the contract.
    expect(ZUpdateCompanyInfoInput.safeParse({ ...input, legalName: "Mine now" }).success).toBe(false);
  });

  it("lists each site with its subscriptions, then those attached to no site", async () => {
    const { customer } = await ownerAndMember();
    const other = await makeCustomer();
    const { server } = await makeProducts();
    const site = await db.site.create({ data: { customerId: customer.id, name: "Shop — Lyon", city: "Lyon" } });
    await db.site.create({ data: { customerId: other.id, name: "Not ours" } });
    const attached = await makeSubscription(customer.id, server.id, "2026-11-01", "2026-12-01", "Server at the shop");
    await db.subscription.update({ where: { id: attached.id }, data: { siteId: site.id } });
    await makeSubscription(customer.id, server.id, "2026-11-01", "2026-12-01", "Loose server");
    const groups = await listSitesWithSubscriptions(db, customer.id);
    expect(groups.map((g) => [g.site?.name ?? null, g.subscriptions.map((s) => [s.description, s.status, s.nextRenewal])])).toEqual([
      ["Shop — Lyon", [["Server at the shop", "ACTIVE", "2026-12-01"]]],
      [null, [["Loose server", "ACTIVE", "2026-12-01"]]],
    ]);
  });
});
