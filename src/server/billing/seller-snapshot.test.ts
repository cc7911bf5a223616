import { describe, expect, it } from "vitest";
import type { CompanySettingsRecord } from "@/server/settings/get-company-settings";
import { parseSellerSnapshot, sellerSnapshotOf } from "./seller-snapshot";

const settings: CompanySettingsRecord = {
  id: 1,
  legalName: "Hébergeur Łódź SAS",
  address: "1 place Bellecour\n69002 Lyon",
  country: "FR",
  registrationNumber: "RCS Lyon 912 345 678",
  vatNumber: "FR32912345678",
  email: "facturation@example.com",
  phone: "+33 4 72 00 00 00",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
  accountNumber: "",
  routingNumber: "",
  paymentInstructions: "Virement.",
  footerText: "SAS au capital de 10 000 €",
  paymentTermsDays: 30,
  latePenaltyRateBp: null,
  recoveryIndemnity: true,
  legalMentions: "",
  logo: new Uint8Array([1, 2, 3]),
  logoMimeType: "image/png",
  updatedAt: new Date("2026-01-01T00:00:00Z"),
  updatedById: null,
};

describe("seller snapshot", () => {
  it("copies what a document states, not the logo, the payment terms or who edited the settings", () => {
    const s = sellerSnapshotOf(settings);
    expect(s).toMatchObject({
      version: 1,
      legalName: "Hébergeur Łódź SAS",
      address: "1 place Bellecour\n69002 Lyon",
      iban: "FR7630006000011234567890189",
      latePenaltyRateBp: null,
    });
    for (const key of ["logo", "logoMimeType", "paymentTermsDays", "updatedAt", "updatedById", "id"])
      expect(s).not.toHaveProperty(key);
  });

  it("reads back what it stored, through JSON", () => {
    const s = sellerSnapshotOf(settings);
    expect(parseSellerSnapshot(JSON.parse(JSON.stringify(s)), "invoice F2026-000001")).toEqual(s);
  });

  it("keeps a missing snapshot missing (the reader falls back) and refuses anything else", () => {
    expect(parseSellerSnapshot(null, "invoice F2026-000001")).toBeNull();
    const s = sellerSnapshotOf(settings);
    expect(() => parseSellerSnapshot({ ...s, version: 2 }, "invoice F2026-000001")).toThrow(
      /invoice F2026-000001: stored seller is not a valid snapshot \(version\)/,
    );
    expect(() => parseSellerSnapshot({ ...s, iban: 42 }, "credit note AV2026-000001")).toThrow(
      /credit note AV2026-000001.*iban/,
    );
    expect(() => parseSellerSnapshot({ ...s, logo: "…" }, "invoice F2026-000002")).toThrow(
      /not a valid snapshot/,
    );
    expect(() => parseSellerSnapshot("Hébergeur", "invoice F2026-000003")).toThrow(/not a valid snapshot/);
  });
});
