import { describe, expect, it } from "vitest";
import { ZDemoPayForm, ZPayInvoicesForm } from "./payment-forms";

const id = "0b7f3c1e-7d2a-4c1e-9a1b-2f3e4d5c6b7a";
/** The code each failing field names (`params.code`, which the form's error text is looked up by), else zod's own. */
const codes = (r: {
  error?: { issues: { path: PropertyKey[]; code: string; params?: { code?: string } }[] };
}) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.params?.code ?? i.code]));

describe("the portal's payment forms", () => {
  it("reads the invoice ids of a Pay button, comma-separated", () => {
    expect(ZPayInvoicesForm.parse({ invoiceIds: `${id}, ${id.replace("0b", "1b")}` }).invoiceIds).toEqual([
      id,
      id.replace("0b", "1b"),
    ]);
    expect(ZPayInvoicesForm.safeParse({ invoiceIds: "" }).success).toBe(false);
  });

  it("checks a demo card's shape per field, and a bank account without expiry or CVC", () => {
    const card = { checkoutId: id, kind: "card", number: "4242424242424242", expiry: "12/30", cvc: "123" };
    expect(ZDemoPayForm.parse(card)).toMatchObject({ saveMethod: false, expiry: "12/30" });
    expect(ZDemoPayForm.parse({ ...card, saveMethod: "on" }).saveMethod).toBe(true);
    expect(codes(ZDemoPayForm.safeParse({ ...card, expiry: "13/30", cvc: "12" }))).toEqual({
      expiry: "NOT_AN_EXPIRY",
      cvc: "NOT_A_CVC",
    });
    expect(codes(ZDemoPayForm.safeParse({ ...card, checkoutId: "nope" }))).toEqual({
      checkoutId: "invalid_format",
    });
    expect(
      ZDemoPayForm.parse({ checkoutId: id, kind: "bank", number: "DE89 3704 0044 0532 0130 00" }),
    ).toMatchObject({
      kind: "bank",
    });
    // A field the form does not have is refused, as everywhere.
    expect(ZDemoPayForm.safeParse({ ...card, amountMinor: "1" }).success).toBe(false);
  });
});
