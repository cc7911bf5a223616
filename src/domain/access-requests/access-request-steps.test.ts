import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessRequestsThrottled, mayTransition } from "./access-request-status";
import { answerProblems, companyProblems, contactProblems, isComplete, readAccessQuestions, tabCompleteness } from "./access-request-steps";

const questions = readAccessQuestions([
  { id: "servers", label: { en: "How many servers?", fr: "Combien de serveurs ?" }, required: true },
  { id: "notes", label: { en: "Anything else?" }, required: false },
  { id: "", label: { en: "broken" } },
  "nonsense",
]);

const complete = {
  termsAccepted: true,
  contactName: "Ana Lima",
  contactEmail: "ana@example.com",
  contactPhone: "+33 1 23 45 67 89",
  companyName: "Lima SARL",
  taxId: "123456789",
  answers: { servers: "3" },
};

describe("access request tabs", () => {
  it("keeps only well-formed questions", () => {
    expect(questions.map((q) => q.id)).toEqual(["servers", "notes"]);
    expect(questions[0]?.required).toBe(true);
    expect(questions[1]?.required).toBe(false);
  });

  it("asks for a name, a real e-mail and a phone number", () => {
    expect(contactProblems({ contactName: " ", contactEmail: "nope", contactPhone: "abc" })).toEqual({ contactName: "REQUIRED", contactEmail: "NOT_AN_EMAIL", contactPhone: "NOT_A_PHONE" });
    expect(contactProblems(complete)).toEqual({});
  });

  it("checks the tax ID against the group's format, naming the expected shape", () => {
    expect(companyProblems("EMPLOYER_NUMBER", { companyName: "X", taxId: "123-45-6789" })).toEqual({ problems: { taxId: "TAX_ID_EXPECTED_EMPLOYER_NUMBER" }, taxId: null });
    expect(companyProblems("EMPLOYER_NUMBER", { companyName: "X", taxId: "12-3456789" })).toEqual({ problems: {}, taxId: "123456789" });
    expect(companyProblems("SOCIAL_SECURITY", { companyName: "X", taxId: "12-3456789" }).problems.taxId).toBe("TAX_ID_EXPECTED_SOCIAL_SECURITY");
    expect(companyProblems("NINE_DIGITS", { companyName: "", taxId: "" }).problems).toEqual({ companyName: "REQUIRED", taxId: "REQUIRED" });
    expect(companyProblems("FREE_TEXT", { companyName: "X", taxId: "x".repeat(41) }).problems.taxId).toBe("TOO_LONG");
  });

  it("requires answers to required questions only, and drops unknown ones", () => {
    expect(answerProblems(questions, { notes: "hi", other: "x" })).toEqual({ problems: { "answer.servers": "REQUIRED" }, kept: { notes: "hi" } });
    expect(answerProblems(questions, { servers: " 2 " })).toEqual({ problems: {}, kept: { servers: "2" } });
  });

  it("is complete only when every tab is", () => {
    expect(isComplete(tabCompleteness("EMPLOYER_NUMBER", questions, complete))).toBe(true);
    const missing = tabCompleteness("EMPLOYER_NUMBER", questions, { ...complete, termsAccepted: false, taxId: null, answers: {} });
    expect(missing).toEqual({ terms: false, contact: true, company: false, questions: false });
    expect(isComplete(missing)).toBe(false);
  });

  it("any tax ID the company tab accepts makes that tab complete (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("NINE_DIGITS", "EMPLOYER_NUMBER", "SOCIAL_SECURITY", "FREE_TEXT" as const), fc.string({ minLength: 1, maxLength: 45 }), (format, taxId) => {
        const { taxId: stored } = companyProblems(format, { companyName: "X", taxId });
        const tabs = tabCompleteness(format, [], { ...complete, taxId: stored });
        expect(tabs.company).toBe(stored !== null);
      }),
    );
  });
});

describe("access request status", () => {
  it("allows draft → submitted → approved | rejected, and nothing after a decision", () => {
    expect(mayTransition("DRAFT", "SUBMITTED")).toBe(true);
    expect(mayTransition("SUBMITTED", "APPROVED")).toBe(true);
    expect(mayTransition("SUBMITTED", "REJECTED")).toBe(true);
    expect(mayTransition("DRAFT", "APPROVED")).toBe(false);
    expect(mayTransition("APPROVED", "REJECTED")).toBe(false);
    expect(mayTransition("REJECTED", "SUBMITTED")).toBe(false);
  });

  it("throttles an address after five requests in the window", () => {
    expect(accessRequestsThrottled(4)).toBe(false);
    expect(accessRequestsThrottled(5)).toBe(true);
  });
});
