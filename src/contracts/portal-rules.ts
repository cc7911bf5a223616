import { z } from "zod";
import { TAX_ID_FORMATS } from "@/domain/customers/tax-id";
import { LOCALES } from "@/domain/i18n/locales";
import { ACCESS_QUESTION_LABEL_MAX, ACCESS_QUESTIONS_MAX } from "@/domain/portal-rules/access-questions";
import { PORTAL_MESSAGE_MAX, PORTAL_MESSAGE_STEPS } from "@/domain/portal-rules/portal-messages";
import { NUL_BYTE_MESSAGE } from "@/domain/shared/nul-bytes";

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !v.includes("\u0000"), NUL_BYTE_MESSAGE);

/** The public link's last segment: lowercase letters, digits and inner hyphens. */
export const ACCESS_SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
export const MAX_CONTACTS_LIMIT = 50;
export const TERMS_TEXT_MAX = 50_000;

const localised = (max: number) => z.strictObject({ en: text(max), fr: text(max), es: text(max) });

/** Only https links: the portal shows it to people setting up an address, never a plain-http page. */
const httpsUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: "must be an https:// link", params: { code: "NOT_AN_HTTPS_URL" } },
  );

export const ZAccessQuestionInput = z.strictObject({
  /** Empty for a question added in this save: the server gives it a stable id. */
  id: z.string().regex(/^([a-z0-9-]{1,64})?$/),
  label: localised(ACCESS_QUESTION_LABEL_MAX).refine((l) => l.en.trim() !== "", { path: ["en"], message: "an English label is needed", params: { code: "REQUIRED" } }),
  required: z.boolean(),
});

/** A group's "Portal" tab (server action and API alike). */
export const ZPortalRulesInput = z.strictObject({
  portalEnabled: z.boolean(),
  taxIdFormat: z.enum(TAX_ID_FORMATS),
  emailHelpUrl: httpsUrl.nullable(),
  messages: z.strictObject(Object.fromEntries(PORTAL_MESSAGE_STEPS.map((s) => [s, localised(PORTAL_MESSAGE_MAX)])) as Record<(typeof PORTAL_MESSAGE_STEPS)[number], ReturnType<typeof localised>>),
  questions: z
    .array(ZAccessQuestionInput)
    .max(ACCESS_QUESTIONS_MAX)
    .superRefine((qs, ctx) => {
      const seen = new Set<string>();
      for (const [i, q] of qs.entries()) {
        if (q.id && seen.has(q.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "duplicate question", params: { code: "INVALID" } });
        seen.add(q.id);
      }
    }),
  maxContacts: z.number().int().min(1).max(MAX_CONTACTS_LIMIT).nullable(),
  accessSlug: z.string().refine((v) => ACCESS_SLUG_RE.test(v), { message: "lowercase letters, digits and hyphens", params: { code: "NOT_A_SLUG" } }).nullable(),
});
export type TPortalRulesInput = z.infer<typeof ZPortalRulesInput>;

/**
 * The tab as typed: flat fields named by their path ("messages.terms.fr", "questions.0.label.en"),
 * so each problem lands on the input that holds it. Empty optional fields mean "none".
 */
export function portalRulesFromForm(fields: Record<string, string>): unknown {
  const get = (k: string) => fields[k] ?? "";
  const messages = Object.fromEntries(PORTAL_MESSAGE_STEPS.map((s) => [s, Object.fromEntries(LOCALES.map((l) => [l, get(`messages.${s}.${l}`)]))]));
  const indexes = [...new Set(Object.keys(fields).flatMap((k) => /^questions\.(\d{1,3})\./.exec(k)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
  const questions = indexes.map((i) => ({
    id: get(`questions.${i}.id`),
    label: Object.fromEntries(LOCALES.map((l) => [l, get(`questions.${i}.label.${l}`).trim()])),
    required: get(`questions.${i}.required`) === "on",
  }));
  const cap = get("maxContacts").trim();
  return {
    portalEnabled: get("portalEnabled") === "on",
    taxIdFormat: get("taxIdFormat"),
    emailHelpUrl: get("emailHelpUrl").trim() === "" ? null : get("emailHelpUrl"),
    messages,
    questions,
    maxContacts: cap === "" ? null : /^\d{1,6}$/.test(cap) ? Number(cap) : Number.NaN,
    accessSlug: get("accessSlug").trim() === "" ? null : get("accessSlug").trim().toLowerCase(),
  };
}

/** Publishing a new terms version: the text in the three languages (English required, the others fall back to it). */
export const ZPublishTermsInput = z.strictObject({
  en: text(TERMS_TEXT_MAX).refine((v) => v.trim() !== "", { message: "required", params: { code: "REQUIRED" } }),
  fr: text(TERMS_TEXT_MAX),
  es: text(TERMS_TEXT_MAX),
});

export const ZRenameGroupForm = z.object({ name: z.string().trim().min(1).max(120).refine((v) => !v.includes("\u0000"), NUL_BYTE_MESSAGE) });
