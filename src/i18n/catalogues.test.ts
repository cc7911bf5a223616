import { describe, expect, it } from "vitest";
import { LOCALES } from "@/domain/i18n/locales";
import { catalogues } from "./catalogues";

/** Every key path of a nested catalogue, e.g. "auth.signIn.title". */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** ICU placeholders of a message ("{name}", "{count, plural, ...}") by name. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  const reference = keyPaths(catalogues.en).sort();

  it.each(LOCALES)("%s has exactly the reference keys", (locale) => {
    const keys = keyPaths(catalogues[locale]).sort();
    expect(keys.filter((k) => !reference.includes(k))).toEqual([]);
    expect(reference.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(LOCALES)("%s uses the same placeholders and no empty strings", (locale) => {
    const get = (obj: unknown, path: string) => path.split(".").reduce((o, k) => (o as Record<string, unknown>)[k], obj);
    for (const path of reference) {
      const msg = get(catalogues[locale], path) as string;
      expect(msg.trim(), `${locale}:${path}`).not.toBe("");
      expect(placeholders(msg), `${locale}:${path}`).toEqual(placeholders(get(catalogues.en, path) as string));
    }
  });
});
