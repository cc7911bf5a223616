import { afterEach, describe, expect, it } from "vitest";
import { sessionCookie } from "./session-cookie";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("sessionCookie", () => {
  it("uses the __Host- prefix, Secure, over HTTPS", () => {
    process.env.NEXTAUTH_URL = "https://billing.example.com";
    expect(sessionCookie()).toMatchObject({ name: "__Host-comptoir.session", options: { secure: true, path: "/", httpOnly: true } });
  });
  it("falls back to a plain name over HTTP (development, tests)", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(sessionCookie()).toMatchObject({ name: "comptoir.session", options: { secure: false } });
  });
});
