import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readTrackingToken, signTrackingToken } from "./tracking-token";

const SECRET = "unit-test-secret-0123456789abcdef";
const emailId = "0b7c1f6e-2f4f-4c57-9d0f-0d5e1f3a9b11";
const click = {
  kind: "click" as const,
  emailId,
  path: "/portal/invoices/6a0f2a8e-7a9b-4b0e-8a55-5b2f7a0f1c22",
};

describe("e-mail tracking tokens", () => {
  it("reads back what it signed", () => {
    expect(readTrackingToken(signTrackingToken(click, SECRET) ?? "", SECRET)).toEqual(click);
    expect(readTrackingToken(signTrackingToken({ kind: "open", emailId }, SECRET) ?? "", SECRET)).toEqual({
      kind: "open",
      emailId,
    });
  });

  it("refuses a tampered payload, a tampered signature, another key and junk", () => {
    const token = signTrackingToken(click, SECRET) ?? "";
    const [payload, signature] = token.split(".") as [string, string];
    const evil = Buffer.from(JSON.stringify(["c", emailId, "/staff"])).toString("base64url");
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "AB" : "AA"}`;
    for (const forged of [
      `${evil}.${signature}`,
      `${payload}.${flipped}`,
      `${payload}.`,
      payload,
      `${token}.x`,
      "",
      "a.b",
    ]) {
      expect(readTrackingToken(forged, SECRET), forged).toBeNull();
    }
    expect(readTrackingToken(token, "another-secret-0123456789abcdef")).toBeNull();
    expect(readTrackingToken(token, "")).toBeNull();
  });

  it("never signs a link that leaves the app, and never reads one even if properly signed", () => {
    expect(() =>
      signTrackingToken({ kind: "click", emailId, path: "https://evil.example" }, SECRET),
    ).toThrow();
    expect(() => signTrackingToken({ kind: "click", emailId, path: "//evil.example" }, SECRET)).toThrow();
    // A payload signed with the right key but naming a foreign URL (as if forged by a bug elsewhere).
    const payload = Buffer.from(JSON.stringify(["c", emailId, "//evil.example"])).toString("base64url");
    const sig = createHmac("sha256", SECRET)
      .update(`comptoir:email-tracking:v1:${payload}`)
      .digest("base64url");
    expect(readTrackingToken(`${payload}.${sig}`, SECRET)).toBeNull();
  });

  it("signs nothing without a secret", () => {
    expect(signTrackingToken(click, "")).toBeNull();
  });
});
