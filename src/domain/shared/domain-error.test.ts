import { describe, expect, it } from "vitest";
import { DomainError, isDomainError } from "./domain-error";
import { errorCodeOf } from "./testing";

describe("DomainError", () => {
  it("carries a stable code and its details", () => {
    const e = new DomainError("CURRENCY_MISMATCH", { left: "EUR", right: "USD" });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("DomainError");
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.details).toEqual({ left: "EUR", right: "USD" });
    // The message is for logs: code first, so log searches on the code find it.
    expect(e.message).toBe('CURRENCY_MISMATCH {"left":"EUR","right":"USD"}');
    expect(new DomainError("NOT_FOUND").message).toBe("NOT_FOUND");
  });

  it("is told apart from other errors and values", () => {
    expect(isDomainError(new DomainError("FORBIDDEN"))).toBe(true);
    expect(isDomainError(new Error("FORBIDDEN"))).toBe(false);
    expect(isDomainError({ code: "FORBIDDEN", name: "DomainError" })).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });

  it("errorCodeOf reports the code, OK, or lets other errors through", () => {
    expect(errorCodeOf(() => 1)).toBe("OK");
    expect(
      errorCodeOf(() => {
        throw new DomainError("TOKEN_EXPIRED");
      }),
    ).toBe("TOKEN_EXPIRED");
    expect(() =>
      errorCodeOf(() => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
  });
});
