import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryOptions, customerFormChoices } from "./countries";

describe("country choices", () => {
  it("lists the 249 ISO 3166-1 codes once each", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(COUNTRY_CODES).not.toContain("EU");
  });

  it("names countries in the reader's language, sorted there", () => {
    const fr = countryOptions("fr");
    expect(fr.find((c) => c.code === "DE")?.name).toBe("Allemagne");
    expect(countryOptions("es").find((c) => c.code === "DE")?.name).toBe("Alemania");
    const names = fr.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("fr").compare));
  });

  it("keeps a saved value that a list lacks, and offers UTC first", () => {
    const choices = customerFormChoices("en", ["EUR", "JPY"], { timeZone: "US/Pacific", country: "FR" });
    expect(choices.timeZones[0]).toBe("US/Pacific");
    expect(choices.timeZones).toContain("UTC");
    expect(choices.countries.filter((c) => c.code === "FR")).toHaveLength(1);
    expect(choices.currencies).toEqual([
      { code: "EUR", name: "EUR — Euro" },
      { code: "JPY", name: "JPY — Japanese Yen" },
    ]);
  });
});
