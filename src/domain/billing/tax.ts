/**
 * The house rounding rule (also in docs/adr/0005-ledger-rules.md):
 *   1. each line's net = quantity x unit price, rounded half away from zero to the minor unit;
 *   2. lines are grouped by tax rate; a group's tax = round(group net x rate), half away from zero
 *      (EN 16931 BR-CO-17: tax is computed per rate on the summed net, not per line);
 *   3. invoice net = sum of group nets, tax = sum of group taxes, gross = net + tax.
 * Rates are basis points: 2000 = 20 %, 550 = 5.5 %, 0 = exempt.
 */
import { divideRounded } from "./money";
import { numberFormat } from "@/domain/shared/intl-formats";

export interface TaxableLine {
  netMinor: number;
  taxRateBp: number;
}

export interface TaxGroup {
  taxRateBp: number;
  netMinor: number;
  taxMinor: number;
}

export interface DocumentTotals {
  groups: TaxGroup[];
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export function taxOn(netMinor: number, taxRateBp: number): number {
  return divideRounded(netMinor * taxRateBp, 10_000);
}

export function computeDocumentTotals(lines: readonly TaxableLine[]): DocumentTotals {
  const byRate = new Map<number, number>();
  for (const l of lines) byRate.set(l.taxRateBp, (byRate.get(l.taxRateBp) ?? 0) + l.netMinor);
  const groups = [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([taxRateBp, netMinor]) => ({ taxRateBp, netMinor, taxMinor: taxOn(netMinor, taxRateBp) }));
  const netMinor = groups.reduce((a, g) => a + g.netMinor, 0);
  const taxMinor = groups.reduce((a, g) => a + g.taxMinor, 0);
  return { groups, netMinor, taxMinor, grossMinor: netMinor + taxMinor };
}

/** "20 %" / "5,5 %" for people. */
export function formatTaxRate(taxRateBp: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(taxRateBp / 10_000);
}
