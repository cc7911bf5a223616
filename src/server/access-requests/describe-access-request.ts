import type { AccessRequestDraftDto, AccessStartDto } from "@/contracts/access-requests";
import { isComplete, questionLabel, tabCompleteness } from "@/domain/access-requests/access-request-steps";
import { formatTaxId, TAX_ID_PATTERNS } from "@/domain/customers/tax-id";
import type { Locale } from "@/domain/i18n/locales";
import { DomainError } from "@/domain/shared/domain-error";
import { portalMessage, readPortalMessages } from "@/domain/portal-rules/portal-messages";
import type { LocalisedText } from "@/domain/portal-rules/portal-messages";
import type { Db } from "@/server/db/types";
import { findCurrentTerms, findGroupRulesBySlug } from "@/server/access-requests/access-request-repository";
import { openAccessRequest } from "@/server/access-requests/open-access-request";

/** A terms body in the reader's language, else English. */
function termsText(body: unknown, locale: Locale): string | null {
  if (typeof body !== "object" || body === null) return null;
  const texts = body as LocalisedText;
  return texts[locale] ?? texts.en ?? null;
}

/** What the public start page shows; NOT_FOUND for an unknown link. A group without the portal says so. */
export async function describeAccessStart(db: Db, slug: string, locale: Locale): Promise<AccessStartDto> {
  const group = await findGroupRulesBySlug(db, slug);
  if (!group) throw new DomainError("NOT_FOUND", { entity: "customer_group" });
  const terms = await findCurrentTerms(db, group.id);
  return {
    slug,
    portalEnabled: group.portalEnabled,
    termsMessage: portalMessage(readPortalMessages(group.portalMessages), "terms", locale),
    termsVersion: terms?.version ?? null,
    termsText: terms ? termsText(terms.body, locale) : null,
  };
}

/** The draft a resume link opens, in the reader's language. */
export async function describeAccessRequest(db: Db, token: string, locale: Locale): Promise<AccessRequestDraftDto> {
  const { request, group, questions, terms, snapshot } = await openAccessRequest(db, token);
  const tabs = tabCompleteness(group.taxIdFormat, questions, snapshot);
  const messages = readPortalMessages(group.portalMessages);
  const message = (step: "terms" | "contact" | "company" | "questions" | "statusIncomplete" | "statusComplete") => portalMessage(messages, step, locale);
  return {
    status: request.status,
    portalEnabled: group.portalEnabled,
    contactName: request.contactName,
    contactEmail: request.contactEmail,
    contactPhone: request.contactPhone,
    companyName: request.companyName,
    taxId: request.taxId ? formatTaxId(group.taxIdFormat, request.taxId) : "",
    taxIdPattern: TAX_ID_PATTERNS[group.taxIdFormat],
    answers: snapshot.answers,
    questions: questions.map((q) => ({ id: q.id, label: questionLabel(q, locale), required: q.required })),
    tabs,
    complete: isComplete(tabs),
    messages: {
      terms: message("terms"),
      contact: message("contact"),
      company: message("company"),
      questions: message("questions"),
      statusIncomplete: message("statusIncomplete"),
      statusComplete: message("statusComplete"),
    },
    termsVersion: terms?.version ?? null,
    termsText: terms ? termsText(terms.body, locale) : null,
    emailHelpUrl: group.emailHelpUrl,
  };
}
