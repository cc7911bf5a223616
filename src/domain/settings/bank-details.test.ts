import { describe, expect, it } from "vitest";
import { formatIban, isValidBic, isValidIban } from "./bank-details";

describe("bank details", () => {
  it("accepts real IBANs written with or without spaces and refuses a wrong check digit", () => {
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 189")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 188")).toBe(false);
    expect(isValidIban("not an iban")).toBe(false);
  });

  it("groups an IBAN by four", () => {
    expect(formatIban("fr7630006000011234567890189")).toBe("FR76 3000 6000 0112 3456 7890 189");
  });

  it("checks BIC shapes", () => {
    expect(isValidBic("AGRIFRPP")).toBe(true);
    expect(isValidBic("AGRIFRPP882")).toBe(true);
    expect(isValidBic("AGRI")).toBe(false);
  });
});
