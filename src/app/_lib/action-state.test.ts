import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@/domain/shared/domain-error";
import { toErrorState, typedValues } from "./action-state";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe("toErrorState: every refusal a form can show next to a field names that field", () => {
  it("maps zod's e-mail check to NOT_AN_EMAIL and a blank required text to REQUIRED", () => {
    const schema = z.strictObject({ email: z.string().email(), name: z.string().trim().min(1) });
    let error: unknown;
    try {
      schema.parse({ email: "someone@localhost", name: "  " });
    } catch (e) {
      error = e;
    }
    expect(toErrorState(error)).toEqual({
      status: "error",
      code: "VALIDATION_FAILED",
      fields: { email: "NOT_AN_EMAIL", name: "REQUIRED" },
    });
  });

  it("names a domain refusal's field with its reason when it has one, else its code", () => {
    expect(
      toErrorState(new DomainError("VALIDATION_FAILED", { field: "code", reason: "CODE_TAKEN" })),
    ).toEqual({ status: "error", code: "VALIDATION_FAILED", fields: { code: "CODE_TAKEN" } });
    expect(toErrorState(new DomainError("EMAIL_ALREADY_REGISTERED", { field: "email" }))).toEqual({
      status: "error",
      code: "EMAIL_ALREADY_REGISTERED",
      fields: { email: "EMAIL_ALREADY_REGISTERED" },
    });
    expect(toErrorState(new DomainError("TOKEN_USED"))).toEqual({ status: "error", code: "TOKEN_USED" });
  });

  it("puts a refused password on the password field", () => {
    expect(toErrorState(new DomainError("PASSWORD_REJECTED", { reason: "SAME_AS_EMAIL" }))).toEqual({
      status: "error",
      code: "PASSWORD_SAME_AS_EMAIL",
      fields: { password: "PASSWORD_SAME_AS_EMAIL" },
    });
  });

  it("sends back what was typed, never a password or a token", () => {
    const typed = form({
      name: "Łódź",
      password: "secret secret",
      confirm: "secret secret",
      token: "t".repeat(40),
      $ACTION_ID_1: "",
    });
    expect(typedValues(typed)).toEqual({ name: "Łódź" });
    expect(toErrorState(new DomainError("NOT_FOUND"), typed)).toEqual({
      status: "error",
      code: "NOT_FOUND",
      values: { name: "Łódź" },
    });
  });
});
