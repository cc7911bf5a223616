import { describe, expect, it } from "vitest";
import { LOCALES } from "@/domain/i18n/locales";
import { catalogues } from "@/i18n/catalogues";
import { formatMessage } from "@/server/i18n/compiled-messages";
import { translatorFor } from "@/server/i18n/translator";
import { renderEmail } from "@/server/mail/render-email";

/** Every plain message under `prefix`, as dotted keys. */
function keysUnder(node: unknown, prefix: string): string[] {
  if (typeof node === "string") return [prefix];
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) => keysUnder(v, `${prefix}.${k}`));
}

/** A value for every argument a message names: numbers, which plural and select branches also take. */
const valuesFor = (message: string) => Object.fromEntries([...message.matchAll(/\{\s*(\w+)/g)].map((m, i) => [m[1], 40 + i]));

describe("compiled catalogue messages", () => {
  it("format every e-mail message in every language exactly as the translator does", () => {
    let compared = 0;
    for (const locale of LOCALES) {
      const t = translatorFor(locale);
      for (const key of keysUnder(catalogues[locale].email, "email")) {
        const message = key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], catalogues[locale]) as string;
        const values = valuesFor(message);
        expect(formatMessage(locale, key, values), `${locale} ${key}`).toBe(t(key as never, values as never));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("render a renewal e-mail with its values in place, the same the second time (compiled once)", () => {
    const message = { template: "renewalInvoice", params: { customerName: "Acme & Fils", number: "F2027-000042", amount: "1 234,00 €", dueDate: "16 mars 2027", link: "https://x.test/portal/invoices/1" } } as const;
    const first = renderEmail(message, "fr", "Comptoir");
    expect(first.subject).toContain("F2027-000042");
    expect(first.text).toContain("1 234,00 €");
    expect(first.html).toContain("Acme &amp; Fils");
    expect(renderEmail(message, "fr", "Comptoir")).toEqual(first);
  });
});
