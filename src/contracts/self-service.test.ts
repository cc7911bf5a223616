import { describe, expect, it } from "vitest";
import { ZChangePasswordInput, ZRequestBillingEmailChangeInput, ZUpdateCompanyInfoInput, ZUpdateProfileInput } from "./self-service";

const company = { addressLine1: "1 rue du Port", addressLine2: "", postalCode: "69001", city: "Lyon", country: "fr", phone: "" };

describe("self-service contracts", () => {
  it("normalises the country and accepts an empty phone", () => {
    expect(ZUpdateCompanyInfoInput.parse(company)).toEqual({ ...company, country: "FR" });
  });
  it("refuses an unassigned country code, a phone made of words and unknown fields", () => {
    const issues = (v: unknown) => ZUpdateCompanyInfoInput.safeParse(v).error?.issues.map((i) => i.path.join("."));
    expect(issues({ ...company, country: "ZZ" })).toEqual(["country"]);
    expect(issues({ ...company, phone: "call me maybe" })).toEqual(["phone"]);
    expect(issues({ ...company, taxId: "FR00" })).toEqual([""]);
  });
  it("accepts phone numbers as people write them", () => {
    for (const phone of ["+33 4 72 00 00 00", "(555) 123-4567", "04.72.00.00.00", "0800/123 456"]) {
      expect(ZUpdateProfileInput.safeParse({ name: "Ana", phone }).success, phone).toBe(true);
    }
    expect(ZUpdateProfileInput.safeParse({ name: "   ", phone: "" }).success).toBe(false);
  });
  it("lower-cases the new billing address and wants the two new passwords equal", () => {
    expect(ZRequestBillingEmailChangeInput.parse({ billingEmail: " Compta@Example.COM " }).billingEmail).toBe("compta@example.com");
    expect(ZChangePasswordInput.safeParse({ currentPassword: "old one", password: "a new passphrase", confirm: "a new passphrase" }).success).toBe(true);
  });
});
