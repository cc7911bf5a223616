// The public access request (issue 17): a representative fills four tabs (terms, contact,
// company, questions) in any order, saving each on its own, and submits once all four are
// complete. These rules say what each tab needs and whether it is complete; the server stores
// what a tab's validation accepted, so a stored draft is always "valid so far".
import type { LocalisedText } from "../portal-rules/portal-messages";
import { LOCALES, type Locale } from "../i18n/locales";
import { parseTaxId, type TaxIdFormat } from "../customers/tax-id";

export const ACCESS_REQUEST_TABS = ["terms", "contact", "company", "questions", "status"] as const;
export type AccessRequestTab = (typeof ACCESS_REQUEST_TABS)[number];
export type FillableTab = Exclude<AccessRequestTab, "status">;

export const CONTACT_NAME_MAX = 120;
export const COMPANY_NAME_MAX = 200;
export const PHONE_MAX = 30;
export const ANSWER_MAX = 2000;

export interface AccessQuestion {
  id: string;
  label: LocalisedText;
  required: boolean;
}

/** The group's questions as stored (`[{ id, label: { en, fr, es }, required }]`), keeping only well-formed ones. */
export function readAccessQuestions(stored: unknown): AccessQuestion[] {
  if (!Array.isArray(stored)) return [];
  const out: AccessQuestion[] = [];
  for (const q of stored) {
    if (typeof q !== "object" || q === null) continue;
    const { id, label, required } = q as Record<string, unknown>;
    if (typeof id !== "string" || id === "" || typeof label !== "object" || label === null) continue;
    const kept: LocalisedText = {};
    for (const locale of LOCALES) {
      const text = (label as Record<string, unknown>)[locale];
      if (typeof text === "string" && text.trim() !== "") kept[locale] = text;
    }
    out.push({ id, label: kept, required: required === true });
  }
  return out;
}

export const questionLabel = (q: AccessQuestion, locale: Locale): string => q.label[locale] ?? q.label.en ?? q.id;

/** Per-field problem codes (`fieldErrors.*` in the catalogues); empty when the tab's input is acceptable. */
export type FieldProblems = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{4,}[0-9]$/;

export function contactProblems(input: { contactName: string; contactEmail: string; contactPhone: string }): FieldProblems {
  const problems: FieldProblems = {};
  const name = input.contactName.trim();
  if (name === "") problems.contactName = "REQUIRED";
  else if (name.length > CONTACT_NAME_MAX) problems.contactName = "TOO_LONG";
  const email = input.contactEmail.trim();
  if (email === "") problems.contactEmail = "REQUIRED";
  else if (email.length > 254 || !EMAIL.test(email)) problems.contactEmail = "NOT_AN_EMAIL";
  const phone = input.contactPhone.trim();
  if (phone === "") problems.contactPhone = "REQUIRED";
  else if (phone.length > PHONE_MAX || !PHONE.test(phone)) problems.contactPhone = "NOT_A_PHONE";
  return problems;
}

/** The field code for a tax ID out of the group's format: it names the expected shape. */
export const TAX_ID_FORMAT_PROBLEMS: Record<Exclude<TaxIdFormat, "FREE_TEXT">, string> = {
  NINE_DIGITS: "TAX_ID_EXPECTED_NINE_DIGITS",
  EMPLOYER_NUMBER: "TAX_ID_EXPECTED_EMPLOYER_NUMBER",
  SOCIAL_SECURITY: "TAX_ID_EXPECTED_SOCIAL_SECURITY",
};

/** Checks the company tab; `taxId` is the value to store (normalised) when there is no problem. */
export function companyProblems(format: TaxIdFormat, input: { companyName: string; taxId: string }): { problems: FieldProblems; taxId: string | null } {
  const problems: FieldProblems = {};
  const name = input.companyName.trim();
  if (name === "") problems.companyName = "REQUIRED";
  else if (name.length > COMPANY_NAME_MAX) problems.companyName = "TOO_LONG";
  const parsed = parseTaxId(format, input.taxId);
  if (parsed.ok) return { problems, taxId: parsed.normalised };
  if (parsed.reason === "EMPTY") problems.taxId = "REQUIRED";
  else if (parsed.reason === "TOO_LONG" || format === "FREE_TEXT") problems.taxId = "TOO_LONG";
  else problems.taxId = TAX_ID_FORMAT_PROBLEMS[format];
  return { problems, taxId: null };
}

/** Checks the answers: a required question needs a non-blank answer; answers to unknown questions are dropped. */
export function answerProblems(questions: AccessQuestion[], answers: Record<string, string>): { problems: FieldProblems; kept: Record<string, string> } {
  const problems: FieldProblems = {};
  const kept: Record<string, string> = {};
  for (const q of questions) {
    const answer = (answers[q.id] ?? "").trim();
    if (answer.length > ANSWER_MAX) problems[`answer.${q.id}`] = "TOO_LONG";
    else if (q.required && answer === "") problems[`answer.${q.id}`] = "REQUIRED";
    if (answer !== "") kept[q.id] = answer.slice(0, ANSWER_MAX);
  }
  return { problems, kept };
}

/** A draft as stored, for the completeness check. */
export interface AccessRequestSnapshot {
  /** Whether the representative accepted the group's current terms (true when the group has none). */
  termsAccepted: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  companyName: string;
  taxId: string | null;
  answers: Record<string, string>;
}

export type TabCompleteness = Record<FillableTab, boolean>;

/** Which tabs are complete. A tab saved by its own validation is complete; this re-checks so a changed group rule shows. */
export function tabCompleteness(format: TaxIdFormat, questions: AccessQuestion[], r: AccessRequestSnapshot): TabCompleteness {
  return {
    terms: r.termsAccepted,
    contact: Object.keys(contactProblems(r)).length === 0,
    // Stored tax IDs are normalised: nine digits for the numeric formats (tax-id.ts).
    company: r.companyName.trim() !== "" && r.taxId !== null && (format === "FREE_TEXT" ? r.taxId !== "" : /^\d{9}$/.test(r.taxId)),
    questions: Object.keys(answerProblems(questions, r.answers).problems).length === 0,
  };
}

export const isComplete = (tabs: TabCompleteness): boolean => Object.values(tabs).every(Boolean);
