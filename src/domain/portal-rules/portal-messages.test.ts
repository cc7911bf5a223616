import { describe, expect, it } from "vitest";
import { portalMessage, readPortalMessages } from "./portal-messages";

describe("portal messages", () => {
  it("keeps known steps and locales, drops blanks and junk", () => {
    const read = readPortalMessages({
      terms: { en: "Read carefully", fr: "Lisez bien", es: "  ", de: "Lies" },
      bogus: { en: "x" },
      contact: "not an object",
      company: { en: 42 },
    });
    expect(read).toEqual({ terms: { en: "Read carefully", fr: "Lisez bien" } });
    expect(readPortalMessages(null)).toEqual({});
    expect(readPortalMessages(["terms"])).toEqual({});
  });

  it("falls back to English, then to nothing", () => {
    const messages = readPortalMessages({ terms: { en: "Read carefully", fr: "Lisez bien" } });
    expect(portalMessage(messages, "terms", "fr")).toBe("Lisez bien");
    expect(portalMessage(messages, "terms", "es")).toBe("Read carefully");
    expect(portalMessage(messages, "company", "es")).toBeNull();
  });
});
