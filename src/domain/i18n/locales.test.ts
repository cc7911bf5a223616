import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("takes the best supported language by weight", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,es;q=0.8,fr;q=0.7")).toBe("es");
    expect(negotiateLocale("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("en;q=0.5, es;q=0.9")).toBe("es");
  });
  it("falls back to English", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("de,ja")).toBe("en");
    expect(negotiateLocale("fr;q=0")).toBe("en");
  });
  it("knows its locales", () => {
    expect(isLocale("es")).toBe(true);
    expect(isLocale("de")).toBe(false);
  });
});
