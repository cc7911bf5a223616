/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe (OWASP CSV injection); numbers are written by the caller as plain strings.
 */
export function csvCell(value: string | number | null | undefined, separator: CsvDialect["separator"] = ","): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  // Quote what would break the row: quotes, line breaks, the separator (and ";" in any case, which
  // some spreadsheets take as a separator whatever the file says).
  const special = separator === "," ? /[",\r\n;]/ : /[";\r\n]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF, for writers that stream rows as they read them. */
export const csvLine = (row: readonly (string | number | null | undefined)[], separator: CsvDialect["separator"] = ","): string => `${row.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`;

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], separator: CsvDialect["separator"] = ","): string {
  return `${[header, ...rows].map((r) => r.map((cell) => csvCell(cell, separator)).join(separator)).join("\r\n")}\r\n`;
}

/**
 * What the reader's spreadsheet expects when it opens a .csv with a double-click: where the decimal
 * mark is a comma (French, Spanish), Excel and LibreOffice split cells on ";" and read "1234,50" as
 * a number. A UTF-8 BOM makes Excel read accents right; it is written for every language.
 */
export interface CsvDialect {
  separator: "," | ";";
  decimal: "." | ",";
  bom: boolean;
}

export function csvDialectFor(locale: string): CsvDialect {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === "fr" || language === "es" ? { separator: ";", decimal: ",", bom: true } : { separator: ",", decimal: ".", bom: true };
}

/** Minor units as a plain decimal ("1234.50", or "1234,50" with a decimal comma), no grouping. */
export function minorToDecimalString(amountMinor: number, exponent: number, decimal: CsvDialect["decimal"] = "."): string {
  const sign = amountMinor < 0 ? "-" : "";
  const abs = Math.abs(amountMinor);
  if (exponent === 0) return `${sign}${abs}`;
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}${decimal}${String(abs % unit).padStart(exponent, "0")}`;
}
