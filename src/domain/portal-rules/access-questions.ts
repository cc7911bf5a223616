// The questions a customer group asks in its access request (issue 17), stored as JSON on the
// group: `[{ "id", "label": { "en", "fr", "es" }, "required" }]`. Ids are stable (a uuid given when
// the question is added) so that answers stored by id survive a relabelling or a reordering.
import { LOCALES } from "../i18n/locales";
import type { LocalisedText } from "./portal-messages";

export interface AccessQuestion {
  id: string;
  label: LocalisedText;
  required: boolean;
}

export const ACCESS_QUESTIONS_MAX = 20;
export const ACCESS_QUESTION_LABEL_MAX = 300;
const ID_RE = /^[a-z0-9-]{1,64}$/;

/** Reads the stored JSON, keeping well-formed questions with an English or any label. */
export function readAccessQuestions(stored: unknown): AccessQuestion[] {
  if (!Array.isArray(stored)) return [];
  const out: AccessQuestion[] = [];
  const seen = new Set<string>();
  for (const item of stored) {
    if (typeof item !== "object" || item === null) continue;
    const { id, label, required } = item as Record<string, unknown>;
    if (typeof id !== "string" || !ID_RE.test(id) || seen.has(id)) continue;
    if (typeof label !== "object" || label === null) continue;
    const kept: LocalisedText = {};
    for (const locale of LOCALES) {
      const text = (label as Record<string, unknown>)[locale];
      if (typeof text === "string" && text.trim() !== "") kept[locale] = text;
    }
    if (Object.keys(kept).length === 0) continue;
    seen.add(id);
    out.push({ id, label: kept, required: required === true });
    if (out.length === ACCESS_QUESTIONS_MAX) break;
  }
  return out;
}

/** A question's label in the reader's language, else English, else the first one there is. */
export function questionLabel(question: AccessQuestion, locale: (typeof LOCALES)[number]): string {
  return question.label[locale] ?? question.label.en ?? Object.values(question.label)[0] ?? "";
}
