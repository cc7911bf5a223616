"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/app/_lib/action-state";

/**
 * The sentence to show next to one input, from the field codes a server action returned
 * (`fields["lines.0.unitPrice"] = "NOT_AN_AMOUNT"`), in the reader's language. A field code is a
 * `fieldErrors.*` key, or a domain refusal about that field (`errors.EMAIL_ALREADY_REGISTERED`);
 * anything else reads "This value is not valid", never the whole form's "some fields need fixing".
 */
export function useFieldError(state: ActionState) {
  const t = useTranslations();
  return (path: string): string | undefined => {
    if (state.status !== "error") return undefined;
    const code = state.fields?.[path];
    if (!code) return undefined;
    const own = `fieldErrors.${code}`;
    if (t.has(own)) return t(own);
    const refusal = `errors.${code}`;
    if (code !== "VALIDATION_FAILED" && t.has(refusal)) return t(refusal);
    return t("fieldErrors.INVALID");
  };
}

/**
 * What the fields of a form show after its action answered: what was typed when it refused the
 * form (the action sends it back, `toErrorState(e, form)`), else `saved`. `key` remounts the form
 * so its uncontrolled fields, selects included, take these values.
 */
export function useTypedValues(state: ActionState) {
  const values = state.status === "error" ? state.values : undefined;
  return {
    key: values ? JSON.stringify(values) : state.status,
    value: (name: string, saved = ""): string => values?.[name] ?? saved,
  };
}
