"use client";

import { useTranslations } from "next-intl";

/** Turns an error code from a server action into a sentence in the reader's language. */
export function useErrorText() {
  const t = useTranslations();
  return (code: string | undefined): string | undefined => {
    if (!code) return undefined;
    const key = `errors.${code}`;
    return t.has(key) ? t(key) : t("errors.VALIDATION_FAILED");
  };
}
