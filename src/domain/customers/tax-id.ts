// Tax-ID formats a customer group can ask for at registration (issue 17). The numeric formats are
// all nine digits (the sources' rule); they differ only in where the delimiters go. Values are
// stored normalised (digits only) so that "12-3456789" and "123456789" match the same company.

export const TAX_ID_FORMATS = ["NINE_DIGITS", "EMPLOYER_NUMBER", "SOCIAL_SECURITY", "FREE_TEXT"] as const;
export type TaxIdFormat = (typeof TAX_ID_FORMATS)[number];

/** The pattern shown to people, `n` standing for a digit. */
export const TAX_ID_PATTERNS: Record<TaxIdFormat, string | null> = {
  NINE_DIGITS: "nnnnnnnnn",
  EMPLOYER_NUMBER: "nn-nnnnnnn",
  SOCIAL_SECURITY: "nnn-nn-nnnn",
  FREE_TEXT: null,
};

const SHAPES: Record<Exclude<TaxIdFormat, "FREE_TEXT">, RegExp> = {
  NINE_DIGITS: /^\d{9}$/,
  EMPLOYER_NUMBER: /^\d{2}-\d{7}$/,
  SOCIAL_SECURITY: /^\d{3}-\d{2}-\d{4}$/,
};

export const FREE_TEXT_TAX_ID_MAX = 40;

export type TaxIdResult =
  | { ok: true; normalised: string }
  | { ok: false; reason: "EMPTY" | "WRONG_FORMAT" | "TOO_LONG"; pattern: string | null };

/**
 * Checks `input` against the format and returns the value to store. Surrounding spaces are
 * forgiven; anything else out of shape is refused (a wrong delimiter, a letter, eight digits).
 */
export function parseTaxId(format: TaxIdFormat, input: string): TaxIdResult {
  const value = input.trim();
  const pattern = TAX_ID_PATTERNS[format];
  if (value === "") return { ok: false, reason: "EMPTY", pattern };
  if (format === "FREE_TEXT") {
    if (value.length > FREE_TEXT_TAX_ID_MAX) return { ok: false, reason: "TOO_LONG", pattern };
    // Free text is compared without spaces and case, as people type VAT numbers both ways.
    return { ok: true, normalised: value.replace(/\s+/g, "").toUpperCase() };
  }
  if (!SHAPES[format].test(value)) return { ok: false, reason: "WRONG_FORMAT", pattern };
  return { ok: true, normalised: value.replace(/-/g, "") };
}

/** How a stored (normalised) value is shown back in the group's format. */
export function formatTaxId(format: TaxIdFormat, normalised: string): string {
  if (!/^\d{9}$/.test(normalised)) return normalised;
  if (format === "EMPLOYER_NUMBER") return `${normalised.slice(0, 2)}-${normalised.slice(2)}`;
  if (format === "SOCIAL_SECURITY") return `${normalised.slice(0, 3)}-${normalised.slice(3, 5)}-${normalised.slice(5)}`;
  return normalised;
}
