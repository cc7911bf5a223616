"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { type ActionState, formFields, toErrorState, typedValues } from "@/app/_lib/action-state";
import { HONEYPOT_FIELD, ZAccessRequestStep, ZResumeToken, ZStartAccessRequestForm } from "@/contracts/access-requests";
import { isLocale } from "@/domain/i18n/locales";
import { isDomainError } from "@/domain/shared/domain-error";
import { saveAccessRequestStep } from "@/server/access-requests/save-access-request-step";
import { startAccessRequest } from "@/server/access-requests/start-access-request";
import { submitAccessRequest } from "@/server/access-requests/submit-access-request";
import { requestContext } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";

/** A tab refused as a whole names each field at fault (`details.fields`); anything else maps as usual. */
function accessErrorState(e: unknown, form: FormData): ActionState {
  if (isDomainError(e) && e.code === "VALIDATION_FAILED" && typeof e.details?.fields === "object" && e.details.fields !== null) {
    return { status: "error", code: e.code, fields: e.details.fields as Record<string, string>, values: typedValues(form) };
  }
  return toErrorState(e, form);
}

const NEXT_TAB = { terms: "contact", contact: "company", company: "questions", questions: "status" } as const;

/** Public, no sign-in: the group's link and a ticked box start a draft, and the person continues on its resume link. */
export async function startAccessRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let token: string;
  try {
    const input = ZStartAccessRequestForm.parse(formFields(form));
    const locale = await getLocale();
    const started = await startAccessRequest(
      getDb(),
      { slug: input.slug, locale: isLocale(locale) ? locale : "en", acceptTerms: input.acceptTerms === "on", honeypot: input[HONEYPOT_FIELD] },
      await requestContext(),
      new Date(),
    );
    // A robot gets the same calm answer as a person whose request will be e-mailed; nothing was written.
    if ("discarded" in started) return { status: "ok", values: { discarded: "1" } };
    token = started.token;
  } catch (e) {
    return accessErrorState(e, form);
  }
  redirect(`/access/r/${token}?tab=contact`);
}

/** Saves one tab of the draft the resume token opens, then shows the next tab. */
export async function saveAccessStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let token: string;
  let step: keyof typeof NEXT_TAB;
  try {
    const fields = formFields(form);
    token = ZResumeToken.parse(fields.token);
    // Answers arrive as `answer.<questionId>` inputs.
    const answers = Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith("answer.")).map(([k, v]) => [k.slice("answer.".length), v]));
    const { token: _token, ...rest } = fields;
    const input = ZAccessRequestStep.parse(fields.step === "questions" ? { step: "questions", answers } : rest);
    step = input.step;
    await saveAccessRequestStep(getDb(), token, input, await requestContext(), new Date());
  } catch (e) {
    return accessErrorState(e, form);
  }
  redirect(`/access/r/${token}?tab=${NEXT_TAB[step]}&saved=${step}`);
}

/** Sends a complete draft to billing staff. */
export async function submitAccessRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let token: string;
  try {
    token = ZResumeToken.parse(form.get("token"));
    await submitAccessRequest(getDb(), token, await requestContext(), new Date());
  } catch (e) {
    return accessErrorState(e, form);
  }
  redirect(`/access/r/${token}?tab=status&saved=submitted`);
}
