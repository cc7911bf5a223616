import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TaxIdFormat } from "@/domain/customers/tax-id";
import { approveAccessRequest } from "@/server/access-requests/approve-access-request";
import { describeAccessRequest } from "@/server/access-requests/describe-access-request";
import { getAccessRequestForStaff, listPendingAccessRequests } from "@/server/access-requests/list-access-requests";
import { rejectAccessRequest } from "@/server/access-requests/reject-access-request";
import { saveAccessRequestStep } from "@/server/access-requests/save-access-request-step";
import { startAccessRequest } from "@/server/access-requests/start-access-request";
import { submitAccessRequest } from "@/server/access-requests/submit-access-request";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { checkPortalAccess } from "@/server/customer-groups/check-portal-access";
import { getDb } from "@/server/db/client";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { makeCustomerUser, makeStaff, uniqueEmail } from "../support/factories";
import { codeOf, tokenFrom } from "../support/helpers";

const db = getDb();
const now = new Date();
/** Each test its own client address, so the per-address rate limit only bites where a test wants it. */
const ctxOf = () => ({ ip: `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`, userAgent: "vitest" });

/** The e-mail of one template to an address (several share one `now` here, so "latest" would be ambiguous). */
const emailTo = (toAddress: string, template: string) => db.outboundEmail.findFirstOrThrow({ where: { toAddress, template } });

async function makePortalGroup(opts: { format?: TaxIdFormat; portalEnabled?: boolean } = {}) {
  const slug = `group-${randomUUID().slice(0, 8)}`;
  const group = await db.customerGroup.create({
    data: {
      name: `Resellers ${slug}`,
      accessSlug: slug,
      portalEnabled: opts.portalEnabled ?? true,
      taxIdFormat: opts.format ?? "EMPLOYER_NUMBER",
      accessQuestions: [
        { id: "servers", label: { en: "How many servers do you run?", fr: "Combien de serveurs ?" }, required: true },
        { id: "notes", label: { en: "Anything else?" }, required: false },
      ],
      portalMessages: { statusIncomplete: { en: "Almost there." }, statusComplete: { en: "All set, send it!" } },
    },
  });
  await db.termsVersion.create({ data: { groupId: group.id, version: 1, body: { en: "Be nice.", fr: "Soyez sympa." } } });
  return { group, slug };
}

async function start(slug: string, ctx = ctxOf()) {
  const started = await startAccessRequest(db, { slug, locale: "en", acceptTerms: true, honeypot: "" }, ctx, now);
  if (!("token" in started)) throw new Error("discarded");
  return started.token;
}

async function fillAll(token: string, email: string, taxId = "12-3456789", ctx = ctxOf()) {
  await saveAccessRequestStep(db, token, { step: "contact", contactName: "Ana Lima", contactEmail: email, contactPhone: "+33 1 23 45 67 89", website: "" }, ctx, now);
  await saveAccessRequestStep(db, token, { step: "company", companyName: "Lima Hosting SARL", taxId }, ctx, now);
  await saveAccessRequestStep(db, token, { step: "questions", answers: { servers: "3" } }, ctx, now);
}

async function submitted(slug: string, email = uniqueEmail("rep"), taxId?: string) {
  const token = await start(slug);
  await fillAll(token, email, taxId);
  await submitAccessRequest(db, token, ctxOf(), now);
  const row = await db.accessRequest.findFirstOrThrow({ where: { contactEmail: email } });
  return { token, email, id: row.id };
}

describe("access request lifecycle", () => {
  it("incomplete → resumed by the e-mailed link → complete → approved into the matching company → invitation → sign-in", async () => {
    const { group, slug } = await makePortalGroup();
    const company = await db.customer.create({ data: { legalName: "Lima Hosting SARL", billingEmail: "ap@lima.example", taxId: "12 3456789", groupId: group.id } });
    const email = uniqueEmail("ana");
    const token = await start(slug);
    await saveAccessRequestStep(db, token, { step: "contact", contactName: "Ana Lima", contactEmail: email, contactPhone: "+33 1 23 45 67 89", website: "" }, ctxOf(), now);

    // Incomplete: the status says so, and submitting is refused with the tabs left to do.
    const draft = await describeAccessRequest(db, token, "en");
    expect(draft.tabs).toEqual({ terms: true, contact: true, company: false, questions: false });
    expect(draft.complete).toBe(false);
    expect(draft.messages.statusIncomplete).toBe("Almost there.");
    expect(await codeOf(submitAccessRequest(db, token, ctxOf(), now))).toBe("ACCESS_REQUEST_INCOMPLETE");

    // The resume link was e-mailed to the contact; it opens the same draft.
    const mail = await emailTo(email, "accessRequestResume");
    const link = mail.text.match(/\/access\/r\/([A-Za-z0-9_-]+)/)?.[1];
    expect(link).toBe(token);
    expect(await db.accessRequest.count({ where: { resumeTokenHash: token } })).toBe(0);
    await saveAccessRequestStep(db, link ?? "", { step: "company", companyName: "Lima Hosting SARL", taxId: "12-3456789" }, ctxOf(), now);
    await saveAccessRequestStep(db, link ?? "", { step: "questions", answers: { servers: "3", notes: "" } }, ctxOf(), now);
    const complete = await describeAccessRequest(db, token, "en");
    expect(complete.complete).toBe(true);
    expect(complete.taxId).toBe("12-3456789");
    await submitAccessRequest(db, token, ctxOf(), now);
    expect(await codeOf(saveAccessRequestStep(db, token, { step: "questions", answers: { servers: "4" } }, ctxOf(), now))).toBe("ACCESS_REQUEST_CLOSED");

    // Staff see it pending with the matching company, and its accepted terms version.
    const request = await db.accessRequest.findFirstOrThrow({ where: { contactEmail: email } });
    const pending = (await listPendingAccessRequests(db)).find((r) => r.id === request.id);
    expect(pending?.matchedCustomer).toEqual({ id: company.id, legalName: "Lima Hosting SARL" });
    expect((await getAccessRequestForStaff(db, request.id, "en"))?.termsAccepted?.version).toBe(1);

    const staff = await makeStaff(["BILLING"]);
    const approved = await approveAccessRequest(db, staff, request.id, ctxOf(), now);
    expect(approved).toMatchObject({ customerId: company.id, role: "OWNER", matched: true });
    const invitation = tokenFrom((await emailTo(email, "invitation")).text, "invitation");
    await acceptInvitation(db, { token: invitation, name: "Ana Lima", password: "a long enough secret" }, ctxOf(), now);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ customerId: company.id, customerRole: "OWNER" });
    expect(await signInWithPassword(db, { email, password: "a long enough secret" }, ctxOf(), now)).toMatchObject({ userId: user.id });
    // The terms accepted in the request hold for the account: the portal opens without asking again.
    expect(await checkPortalAccess(db, { id: user.id, customerId: company.id })).toEqual({ kind: "open" });
    const actions = (await db.auditEvent.findMany({ where: { targetId: request.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["access_request.started", "access_request.submitted", "access_request.approved"]);
  });

  it("approves into a new company of the group when no tax ID matches; a second user of a company is a member", async () => {
    const { group, slug } = await makePortalGroup({ format: "NINE_DIGITS" });
    const staff = await makeStaff(["BILLING"]);
    const first = await submitted(slug, uniqueEmail("first"), "987654321");
    const outcome = await approveAccessRequest(db, staff, first.id, ctxOf(), now);
    expect(outcome).toMatchObject({ matched: false, role: "OWNER" });
    expect(await db.customer.findUniqueOrThrow({ where: { id: outcome.customerId } })).toMatchObject({ legalName: "Lima Hosting SARL", taxId: "987654321", groupId: group.id, billingEmail: first.email });

    await makeCustomerUser(outcome.customerId, "OWNER");
    const second = await submitted(slug, uniqueEmail("second"), "987654321");
    expect(await approveAccessRequest(db, staff, second.id, ctxOf(), now)).toMatchObject({ customerId: outcome.customerId, matched: true, role: "MEMBER" });
  });

  it("approving twice at once sends one invitation", async () => {
    const { slug } = await makePortalGroup();
    const { id, email } = await submitted(slug);
    const staff = await makeStaff(["BILLING"]);
    const results = await Promise.allSettled([1, 2].map(() => approveAccessRequest(db, staff, id, ctxOf(), now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { toAddress: email, template: "invitation" } })).toBe(1);
    expect(await codeOf(approveAccessRequest(db, staff, id, ctxOf(), now))).toBe("ACCESS_REQUEST_CLOSED");
  });

  it("refuses to approve for an e-mail that already has an account, and leaves the request waiting", async () => {
    const { slug } = await makePortalGroup();
    const existing = await makeCustomerUser((await db.customer.create({ data: { legalName: "Elsewhere", billingEmail: "x@elsewhere.example" } })).id);
    const { id } = await submitted(slug, existing.email);
    expect(await codeOf(approveAccessRequest(db, await makeStaff(["BILLING"]), id, ctxOf(), now))).toBe("EMAIL_ALREADY_REGISTERED");
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUBMITTED", customerId: null, decidedAt: null });
  });

  it("rejects with a reason, e-mailed to the representative; a reason is required", async () => {
    const { slug } = await makePortalGroup();
    const { id, email } = await submitted(slug);
    const staff = await makeStaff(["BILLING"]);
    expect(await codeOf(rejectAccessRequest(db, staff, id, "  ", ctxOf(), now))).toBe("VALIDATION_FAILED");
    await rejectAccessRequest(db, staff, id, "We could not verify the company.", ctxOf(), now);
    const mail = await emailTo(email, "accessRequestRejected");
    expect(mail.text).toContain("We could not verify the company.");
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REJECTED", rejectionReason: "We could not verify the company." });
    expect(await codeOf(approveAccessRequest(db, staff, id, ctxOf(), now))).toBe("ACCESS_REQUEST_CLOSED");
  });
});

describe("access request refusals and bot protection", () => {
  it("refuses a group without the portal, and an unknown link", async () => {
    const { slug } = await makePortalGroup({ portalEnabled: false });
    expect(await codeOf(startAccessRequest(db, { slug, locale: "en", acceptTerms: true, honeypot: "" }, ctxOf(), now))).toBe("PORTAL_DISABLED");
    expect(await codeOf(startAccessRequest(db, { slug: "no-such-group", locale: "en", acceptTerms: true, honeypot: "" }, ctxOf(), now))).toBe("NOT_FOUND");
    expect(await codeOf(describeAccessRequest(db, "x".repeat(43), "en"))).toBe("TOKEN_INVALID");
  });

  it("requires the terms to be accepted", async () => {
    const { slug } = await makePortalGroup();
    expect(await codeOf(startAccessRequest(db, { slug, locale: "en", acceptTerms: false, honeypot: "" }, ctxOf(), now))).toBe("VALIDATION_FAILED");
  });

  it("a filled honeypot answers like success and writes nothing", async () => {
    const { group, slug } = await makePortalGroup();
    expect(await startAccessRequest(db, { slug, locale: "en", acceptTerms: true, honeypot: "http://spam.example" }, ctxOf(), now)).toEqual({ discarded: true });
    expect(await db.accessRequest.count({ where: { groupId: group.id } })).toBe(0);
    const token = await start(slug);
    const email = uniqueEmail("bot");
    expect(await saveAccessRequestStep(db, token, { step: "contact", contactName: "Bot", contactEmail: email, contactPhone: "+1 555 0100", website: "x" }, ctxOf(), now)).toEqual({ discarded: true });
    expect(await db.outboundEmail.count({ where: { toAddress: email } })).toBe(0);
  });

  it("limits requests started from one address per hour", async () => {
    const { slug } = await makePortalGroup();
    const ctx = ctxOf();
    for (let i = 0; i < 5; i++) await start(slug, ctx);
    expect(await codeOf(startAccessRequest(db, { slug, locale: "en", acceptTerms: true, honeypot: "" }, ctx, now))).toBe("ACCESS_REQUESTS_THROTTLED");
    const later = new Date(now.getTime() + 61 * 60 * 1000);
    expect("token" in (await startAccessRequest(db, { slug, locale: "en", acceptTerms: true, honeypot: "" }, ctx, later))).toBe(true);
  });

  it.each([
    ["NINE_DIGITS", "123456789", "12-3456789", "TAX_ID_EXPECTED_NINE_DIGITS"],
    ["EMPLOYER_NUMBER", "12-3456789", "123-45-6789", "TAX_ID_EXPECTED_EMPLOYER_NUMBER"],
    ["SOCIAL_SECURITY", "123-45-6789", "123456789", "TAX_ID_EXPECTED_SOCIAL_SECURITY"],
    ["FREE_TEXT", "FR 40 123456789", "x".repeat(41), "TOO_LONG"],
  ] as const)("the company step takes a %s tax ID in its format and names the format otherwise", async (format, valid, invalid, problem) => {
    const { slug } = await makePortalGroup({ format });
    const token = await start(slug);
    const refused = saveAccessRequestStep(db, token, { step: "company", companyName: "Acme", taxId: invalid }, ctxOf(), now);
    await expect(refused).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { fields: { taxId: problem } } });
    await saveAccessRequestStep(db, token, { step: "company", companyName: "Acme", taxId: valid }, ctxOf(), now);
    expect((await describeAccessRequest(db, token, "en")).tabs.company).toBe(true);
  });

  it("staff never see a draft", async () => {
    const { slug } = await makePortalGroup();
    const token = await start(slug);
    await fillAll(token, uniqueEmail("draft"));
    const draft = await db.accessRequest.findFirstOrThrow({ where: { status: "DRAFT", group: { accessSlug: slug } } });
    expect(await getAccessRequestForStaff(db, draft.id, "en")).toBeNull();
    expect((await listPendingAccessRequests(db)).some((r) => r.id === draft.id)).toBe(false);
  });
});
