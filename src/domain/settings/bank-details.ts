/** Bank identifiers printed on invoices, checked so a typo does not send customers' payments astray. */

/** Spaces are how people write an IBAN; they are not part of it. */
export const compactIban = (v: string): string => v.replace(/\s+/g, "").toUpperCase();

/** ISO 13616: country, two check digits, up to 30 alphanumerics; mod 97 of the rearranged number is 1. */
export function isValidIban(value: string): boolean {
  const iban = compactIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** ISO 9362: bank, country, location, optional branch. */
export const isValidBic = (value: string): boolean => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value.trim().toUpperCase());

/** Shows an IBAN in groups of four, as it is printed on bank statements. */
export const formatIban = (value: string): string => compactIban(value).replace(/(.{4})(?=.)/g, "$1 ");
