import { describe, expect, it } from "vitest";
import { ZUpdateCompanySettingsInput } from "./company-settings";

const valid = {
  legalName: "Comptoir SAS", address: "1 place Bellecour\n69002 Lyon", country: "fr", registrationNumber: "", vatNumber: "", email: "", phone: "",
  iban: "", bic: "", accountNumber: "", routingNumber: "", paymentInstructions: "", footerText: "", paymentTermsDays: "30", latePenaltyRate: "", legalMentions: "",
};
const fieldsOf = (input: Record<string, unknown>) => {
  const r = ZUpdateCompanySettingsInput.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0])))];
};

describe("ZUpdateCompanySettingsInput", () => {
  it("reads the form's text: checkboxes, a rate with a comma, an upper-cased country, empty optional fields", () => {
    const v = ZUpdateCompanySettingsInput.parse({ ...valid, latePenaltyRate: "12,15", recoveryIndemnity: "on" });
    expect(v).toMatchObject({ country: "FR", latePenaltyRate: 1215, recoveryIndemnity: true, removeLogo: false, paymentTermsDays: 30, iban: "" });
  });

  it("refuses a NUL byte in any text field, naming that field", () => {
    for (const field of Object.keys(valid).filter((k) => k !== "paymentTermsDays")) {
      expect(fieldsOf({ ...valid, [field]: `a\u0000b` }), field).toContain(field);
    }
  });

  it("names each bad field: IBAN check digits, BIC, e-mail, VAT number, rate, terms, unknown fields", () => {
    expect(fieldsOf({ ...valid, iban: "FR76 3000 6000 0112 3456 7890 188", bic: "XX", email: "nope", vatNumber: "12", latePenaltyRate: "ten", paymentTermsDays: "400" }).sort()).toEqual(
      ["bic", "email", "iban", "latePenaltyRate", "paymentTermsDays", "vatNumber"].sort(),
    );
    expect(fieldsOf({ ...valid, legalName: "  " })).toEqual(["legalName"]);
    const extra = ZUpdateCompanySettingsInput.safeParse({ ...valid, updatedById: "x" });
    expect(extra.error?.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
  });
});
