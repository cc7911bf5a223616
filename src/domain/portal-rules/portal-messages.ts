// The messages a customer group shows at each step of the access request and after a contact
// update, plus the notice to the primary representative when a secondary one is added (issue 17).
// Stored as JSON on the group: `{ "<step>": { "en": …, "fr": …, "es": … } }`; an empty or missing
// text falls back to English, then to nothing (the page shows its own default).
import { LOCALES, type Locale } from "../i18n/locales";

export const PORTAL_MESSAGE_STEPS = [
  "terms",
  "contact",
  "company",
  "questions",
  "statusIncomplete",
  "statusComplete",
  "contactUpdated",
  "secondaryAdded",
] as const;
export type PortalMessageStep = (typeof PORTAL_MESSAGE_STEPS)[number];

export const PORTAL_MESSAGE_MAX = 2000;

export type LocalisedText = Partial<Record<Locale, string>>;
export type PortalMessages = Partial<Record<PortalMessageStep, LocalisedText>>;

/** Reads the stored JSON, keeping only known steps and locales with string values. */
export function readPortalMessages(stored: unknown): PortalMessages {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const out: PortalMessages = {};
  for (const step of PORTAL_MESSAGE_STEPS) {
    const texts = (stored as Record<string, unknown>)[step];
    if (typeof texts !== "object" || texts === null) continue;
    const kept: LocalisedText = {};
    for (const locale of LOCALES) {
      const text = (texts as Record<string, unknown>)[locale];
      if (typeof text === "string" && text.trim() !== "") kept[locale] = text;
    }
    if (Object.keys(kept).length > 0) out[step] = kept;
  }
  return out;
}

/** The text for one step in the reader's language, else English, else null. */
export function portalMessage(messages: PortalMessages, step: PortalMessageStep, locale: Locale): string | null {
  const texts = messages[step];
  return texts?.[locale] ?? texts?.en ?? null;
}
