"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/app/_lib/action-state";

/**
 * The sentence to show next to one input, from the field codes a server action returned
 * (`fields["lines.0.unitPrice"] = "NOT_AN_AMOUNT"`), in the reader's language.
 */
export function useFieldError(state: ActionState) {
  const t = useTranslations("fieldErrors");
  return (path: string): string | undefined => {
    if (state.status !== "error") return undefined;
    const code = state.fields?.[path];
    if (!code) return undefined;
    return t.has(code) ? t(code) : t("INVALID");
  };
}
