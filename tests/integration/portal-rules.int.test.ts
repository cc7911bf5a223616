import { describe, expect, it } from "vitest";
import { portalRulesFromForm, ZPortalRulesInput } from "@/contracts/portal-rules";
import { formFields } from "@/app/_lib/action-state";
import { isDomainError } from "@/domain/shared/domain-error";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { acceptTerms } from "@/server/customer-groups/accept-terms";
import { checkPortalAccess } from "@/server/customer-groups/check-portal-access";
import { createCustomerGroup } from "@/server/customer-groups/create-customer-group";
import { findGroup, findGroupByAccessSlug } from "@/server/customer-groups/customer-group-repository";
import { getPendingTerms } from "@/server/customer-groups/get-pending-terms";
import { getPortalRules, getPortalRulesBySlug } from "@/server/customer-groups/get-portal-rules";
import { listGroupCustomers } from "@/server/customer-groups/group-members-repository";
import { publishTermsVersion } from "@/server/customer-groups/publish-terms-version";
import { renameCustomerGroup } from "@/server/customer-groups/rename-customer-group";
import { setCustomerGroup } from "@/server/customer-groups/set-customer-group";
import { listTermsAcceptances, listTermsVersions } from "@/server/customer-groups/terms-repository";
import { updatePortalRules } from "@/server/customer-groups/update-portal-rules";
import { getDb } from "@/server/db/client";
import { ctx, makeCustomer, makeCustomerUser, makeStaff, TEST_PASSWORD } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const now = new Date("2026-12-02T10:00:00Z");
const noWait = async () => {};
const unique = () => crypto.randomUUID().slice(0, 8);

/** A form as the Portal tab posts it, with `overrides` on top of a valid one. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  return { portalEnabled: "on", taxIdFormat: "EMPLOYER_NUMBER", emailHelpUrl: "", maxContacts: "", accessSlug: "", ...overrides };
}
const parse = (fields: Record<string, string>) => ZPortalRulesInput.parse(portalRulesFromForm(fields));
const fieldsOf = (fields: Record<string, string>) => {
  const r = ZPortalRulesInput.safeParse(portalRulesFromForm(fields));
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

async function groupWithCustomerUser() {
  const staff = await makeStaff(["BILLING"]);
  const { groupId } = await createCustomerGroup(db, staff, `Portal group ${unique()}`, now);
  const customer = await makeCustomer();
  await setCustomerGroup(db, staff, { customerId: customer.id, groupId }, now);
  const user = await makeCustomerUser(customer.id);
  return { staff, groupId, customer, user, actor: { id: user.id, email: user.email, customerId: customer.id } };
}

describe("a group's portal rules", () => {
  it("saves the tab (messages per language, questions with stable ids), reads it back as one DTO, and audits the fields that changed", async () => {
    const { staff, groupId } = await groupWithCustomerUser();
    const slug = `resellers-${unique()}`;
    const input = parse(
      form({
        emailHelpUrl: "https://help.example.com/new-address",
        maxContacts: "4",
        accessSlug: ` ${slug.toUpperCase()} `,
        "messages.terms.en": "Read carefully.",
        "messages.terms.fr": "Lisez attentivement.",
        "messages.statusComplete.es": "¡Gracias!",
        "questions.0.id": "",
        "questions.0.label.en": "How many sites?",
        "questions.0.label.fr": "Combien de sites ?",
        "questions.0.label.es": "",
        "questions.0.required": "on",
      }),
    );
    expect(await updatePortalRules(db, staff, groupId, input, now)).toEqual({
      changedFields: ["taxIdFormat", "emailHelpUrl", "portalMessages", "accessQuestions", "maxContacts", "accessSlug"],
    });
    const rules = await getPortalRules(db, groupId);
    expect(rules).toMatchObject({
      portalEnabled: true,
      taxIdFormat: "EMPLOYER_NUMBER",
      emailHelpUrl: "https://help.example.com/new-address",
      maxContacts: 4,
      accessSlug: slug,
      currentTerms: null,
      messages: { terms: { en: "Read carefully.", fr: "Lisez attentivement." }, statusComplete: { es: "¡Gracias!" } },
    });
    expect(rules?.questions).toHaveLength(1);
    const [question] = rules?.questions ?? [];
    expect(question).toMatchObject({ label: { en: "How many sites?", fr: "Combien de sites ?" }, required: true });
    expect(question?.id).toMatch(/^[0-9a-f-]{36}$/);
    // The public link finds the group; the question keeps its id when relabelled.
    expect((await findGroupByAccessSlug(db, slug))?.id).toBe(groupId);
    expect((await getPortalRulesBySlug(db, slug))?.groupId).toBe(groupId);
    expect(await getPortalRulesBySlug(db, `unknown-${unique()}`)).toBeNull();
    const relabelled = parse(form({ emailHelpUrl: "https://help.example.com/new-address", maxContacts: "4", accessSlug: slug, "questions.0.id": question?.id ?? "", "questions.0.label.en": "How many stores?", "messages.terms.en": "Read carefully.", "messages.terms.fr": "Lisez attentivement.", "messages.statusComplete.es": "¡Gracias!" }));
    expect(await updatePortalRules(db, staff, groupId, relabelled, now)).toEqual({ changedFields: ["accessQuestions"] });
    expect((await getPortalRules(db, groupId))?.questions).toEqual([{ id: question?.id, label: { en: "How many stores?" }, required: false }]);
    const audits = await db.auditEvent.findMany({ where: { action: "customer_group.portal_updated", targetId: groupId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => (a.details as { fields: string[] }).fields)).toEqual([
      ["taxIdFormat", "emailHelpUrl", "portalMessages", "accessQuestions", "maxContacts", "accessSlug"],
      ["accessQuestions"],
    ]);
  });

  it("refuses bad input on its own field and writes nothing: a bad link, a taken link, a plain-http URL, a cap out of range, NUL bytes", async () => {
    const { staff, groupId } = await groupWithCustomerUser();
    expect(fieldsOf(form({ accessSlug: "not a slug!" }))).toEqual(["accessSlug"]);
    expect(fieldsOf(form({ accessSlug: "-edge-" }))).toEqual(["accessSlug"]);
    expect(fieldsOf(form({ emailHelpUrl: "http://help.example.com" }))).toEqual(["emailHelpUrl"]);
    expect(fieldsOf(form({ emailHelpUrl: "javascript:alert(1)" }))).toEqual(["emailHelpUrl"]);
    expect(fieldsOf(form({ maxContacts: "0" }))).toEqual(["maxContacts"]);
    expect(fieldsOf(form({ maxContacts: "51" }))).toEqual(["maxContacts"]);
    expect(fieldsOf(form({ maxContacts: "four" }))).toEqual(["maxContacts"]);
    expect(fieldsOf(form({ taxIdFormat: "ROMAN" }))).toEqual(["taxIdFormat"]);
    expect(fieldsOf(form({ "questions.0.id": "", "questions.0.label.en": "", "questions.0.label.fr": "Seulement" }))).toEqual(["questions.0.label.en"]);
    expect(fieldsOf(form({ "messages.terms.fr": "x".repeat(2001) }))).toEqual(["messages.terms.fr"]);
    const withNul = new FormData();
    for (const [k, v] of Object.entries(form({ "messages.contact.en": "bad\u0000byte" }))) withNul.set(k, v);
    const nul = (() => {
      try {
        formFields(withNul);
        return null;
      } catch (e) {
        return e as { issues: { path: string[] }[] };
      }
    })();
    expect(nul?.issues.map((i) => i.path.join("."))).toEqual(["messages.contact.en"]);
    // The contract also refuses a NUL byte that reached it another way (the API).
    expect(fieldsOf(form({ "messages.contact.en": "bad\u0000byte" }))).toEqual(["messages.contact.en"]);

    // A link another group uses: refused on its field, nothing of the save written.
    const other = await groupWithCustomerUser();
    const slug = `taken-${unique()}`;
    await updatePortalRules(db, other.staff, other.groupId, parse(form({ accessSlug: slug })), now);
    const before = await getPortalRules(db, groupId);
    const clash = await updatePortalRules(db, staff, groupId, parse(form({ accessSlug: slug, maxContacts: "3", "messages.terms.en": "Hello" })), now).catch((e: unknown) => e);
    expect(isDomainError(clash) && clash.details).toEqual({ field: "accessSlug", reason: "SLUG_TAKEN" });
    expect(await getPortalRules(db, groupId)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "customer_group.portal_updated", targetId: groupId } })).toBe(0);
    expect(await codeOf(updatePortalRules(db, staff, crypto.randomUUID(), parse(form()), now))).toBe("NOT_FOUND");
  });
});

describe("versioned terms", () => {
  it("asks a user to accept the latest version, records it once however many clicks, and asks again when a new version is published", async () => {
    const { staff, groupId, user, actor } = await groupWithCustomerUser();
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "open" });
    const v1 = await publishTermsVersion(db, staff, groupId, { en: "Terms one", fr: "Conditions un", es: "" }, now);
    expect(v1.version).toBe(1);
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "termsPending", termsVersionId: v1.termsVersionId });
    expect(await getPendingTerms(db, actor)).toMatchObject({ id: v1.termsVersionId, version: 1, body: { en: "Terms one", fr: "Conditions un" } });

    expect(await acceptTerms(db, actor, v1.termsVersionId, "203.0.113.7", now)).toEqual({ recorded: true });
    expect(await acceptTerms(db, actor, v1.termsVersionId, "203.0.113.7", now)).toEqual({ recorded: false });
    await Promise.all([acceptTerms(db, actor, v1.termsVersionId, null, now), acceptTerms(db, actor, v1.termsVersionId, null, now)]);
    expect(await db.termsAcceptance.count({ where: { termsVersionId: v1.termsVersionId, userId: user.id } })).toBe(1);
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "open" });
    expect(await getPendingTerms(db, actor)).toBeNull();

    const v2 = await publishTermsVersion(db, staff, groupId, { en: "Terms two", fr: "", es: "Términos dos" }, new Date(now.getTime() + 60_000));
    expect(v2.version).toBe(2);
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "termsPending", termsVersionId: v2.termsVersionId });
    // Accepting the version read before v2 came out is refused: the user must read v2.
    expect(await codeOf(acceptTerms(db, actor, v1.termsVersionId, null, now))).toBe("TERMS_OUTDATED");
    await acceptTerms(db, actor, v2.termsVersionId, "198.51.100.4", new Date(now.getTime() + 120_000));
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "open" });

    expect((await listTermsVersions(db, groupId)).map((v) => [v.version, v.acceptedCount, v.publishedBy])).toEqual([
      [2, 1, staff.email],
      [1, 1, staff.email],
    ]);
    const acceptances = await listTermsAcceptances(db, groupId);
    expect(acceptances.map((a) => [a.version, a.who, a.clientAddress])).toEqual([
      [2, user.email, "198.51.100.4"],
      [1, user.email, "203.0.113.7"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "portal_terms.accepted", actorUserId: user.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "customer_group.terms_published", targetId: groupId } })).toBe(2);
  });

  it("numbers concurrent publications one after the other and refuses an unknown group", async () => {
    const { staff, groupId } = await groupWithCustomerUser();
    const versions = await Promise.all([1, 2, 3].map((i) => publishTermsVersion(db, staff, groupId, { en: `Terms ${i}`, fr: "", es: "" }, now)));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);
    expect(await codeOf(publishTermsVersion(db, staff, crypto.randomUUID(), { en: "x", fr: "", es: "" }, now))).toBe("NOT_FOUND");
  });

  it("does not let a user of another group accept this group's terms", async () => {
    const a = await groupWithCustomerUser();
    const b = await groupWithCustomerUser();
    const terms = await publishTermsVersion(db, a.staff, a.groupId, { en: "A's terms", fr: "", es: "" }, now);
    expect(await codeOf(acceptTerms(db, b.actor, terms.termsVersionId, null, now))).toBe("NOT_FOUND");
    expect(await db.termsAcceptance.count({ where: { termsVersionId: terms.termsVersionId } })).toBe(0);
  });
});

describe("a group without the portal", () => {
  it("refuses its customers' sign-in after the right password only, while customers without a group are unaffected", async () => {
    const { staff, groupId, user, actor } = await groupWithCustomerUser();
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, new Date(), noWait)).toMatchObject({ userId: user.id });
    await updatePortalRules(db, staff, groupId, parse(form({ portalEnabled: "" })), now);
    expect((await getPortalRules(db, groupId))?.portalEnabled).toBe(false);
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "disabled" });
    expect(await codeOf(signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, new Date(), noWait))).toBe("PORTAL_DISABLED");
    // A wrong password learns nothing about the company's portal.
    expect(await signInWithPassword(db, { email: user.email, password: "wrong password" }, ctx, new Date(), noWait)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in.portal_disabled", actorUserId: user.id } })).toBe(1);

    // Terms published while the portal is off do not matter: the portal is closed first.
    const terms = await publishTermsVersion(db, staff, groupId, { en: "Terms", fr: "", es: "" }, now);
    expect(await checkPortalAccess(db, actor)).toEqual({ kind: "disabled" });
    expect(await codeOf(acceptTerms(db, actor, terms.termsVersionId, null, now))).toBe("PORTAL_DISABLED");
    expect(await getPendingTerms(db, actor)).toBeNull();

    const loner = await makeCustomerUser((await makeCustomer()).id);
    expect(await signInWithPassword(db, { email: loner.email, password: TEST_PASSWORD }, ctx, new Date(), noWait)).toMatchObject({ userId: loner.id });
    const staffSignIn = await signInWithPassword(db, { email: staff.email, password: TEST_PASSWORD }, ctx, new Date(), noWait);
    expect(staffSignIn).toMatchObject({ userId: staff.id });

    // Turned back on, the same user signs in again (and then has the terms to accept).
    await updatePortalRules(db, staff, groupId, parse(form()), now);
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, new Date(), noWait)).toMatchObject({ userId: user.id });
    expect((await checkPortalAccess(db, actor)).kind).toBe("termsPending");
  });
});

describe("managing groups", () => {
  it("renames a group (a taken name on its field), adds and removes customers, and audits each change", async () => {
    const { staff, groupId, customer } = await groupWithCustomerUser();
    const taken = `Taken ${unique()}`;
    await createCustomerGroup(db, staff, taken, now);
    const clash = await renameCustomerGroup(db, staff, groupId, taken, now).catch((e: unknown) => e);
    expect(isDomainError(clash) && clash.details).toEqual({ field: "name", reason: "NAME_TAKEN" });
    const name = `Renamed ${unique()}`;
    expect(await renameCustomerGroup(db, staff, groupId, name, now)).toEqual({ changed: true });
    expect((await findGroup(db, groupId))?.name).toBe(name);
    expect(await db.auditEvent.count({ where: { action: "customer_group.renamed", targetId: groupId } })).toBe(1);

    expect((await listGroupCustomers(db, groupId)).map((c) => c.id)).toEqual([customer.id]);
    const other = await makeCustomer();
    await setCustomerGroup(db, staff, { customerId: other.id, groupId }, now);
    expect((await listGroupCustomers(db, groupId)).map((c) => c.id).sort()).toEqual([customer.id, other.id].sort());
    // Removing from a group the customer is not in (a stale page) changes nothing.
    const elsewhere = await createCustomerGroup(db, staff, `Elsewhere ${unique()}`, now);
    expect(await codeOf(setCustomerGroup(db, staff, { customerId: other.id, groupId: null, fromGroupId: elsewhere.groupId }, now))).toBe("NOT_FOUND");
    await setCustomerGroup(db, staff, { customerId: other.id, groupId: null, fromGroupId: groupId }, now);
    expect((await listGroupCustomers(db, groupId)).map((c) => c.id)).toEqual([customer.id]);
    expect(await db.auditEvent.count({ where: { action: "customer.group_changed", targetId: other.id } })).toBe(2);
    expect(await codeOf(setCustomerGroup(db, staff, { customerId: crypto.randomUUID(), groupId }, now))).toBe("NOT_FOUND");
  });
});
