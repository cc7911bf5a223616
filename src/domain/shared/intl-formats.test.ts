import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl-formats";

describe("cached Intl formatters", () => {
  it("reuse one formatter per locale and options, and format like a fresh one", () => {
    const options = { style: "currency", currency: "EUR" } as const;
    expect(numberFormat("fr", options)).toBe(numberFormat("fr", { ...options }));
    expect(numberFormat("fr", options)).not.toBe(numberFormat("en", options));
    expect(numberFormat("fr", options).format(1234.5)).toBe(new Intl.NumberFormat("fr", options).format(1234.5));
    const day = new Date(Date.UTC(2026, 0, 31));
    expect(dateTimeFormat("es", { dateStyle: "long", timeZone: "UTC" }).format(day)).toBe("31 de enero de 2026");
  });

  it("do not cache what Intl refuses", () => {
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
