import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { ctx, makeCustomer, makeCustomerUser, TEST_PASSWORD } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const noWait = async () => {};

describe("signing in with a password", () => {
  it("accepts the right password whatever the e-mail's case, refuses a wrong one, and audits both", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    const now = new Date();
    expect(await signInWithPassword(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, ctx, now, noWait)).toMatchObject({
      userId: user.id,
      sessionVersion: 1,
    });
    expect(await signInWithPassword(db, { email: user.email, password: "wrong password" }, ctx, now, noWait)).toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { actorEmail: user.email }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["auth.sign_in.succeeded", "auth.sign_in.failed"]);
  });

  it("gives the same answer for an unknown e-mail as for a wrong password", async () => {
    expect(await signInWithPassword(db, { email: "nobody@example.com", password: "whatever" }, ctx, new Date(), noWait)).toBeNull();
  });

  it("slows down, then refuses an account after repeated failures, even with the right password", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    const delays: number[] = [];
    const wait = async (ms: number) => {
      delays.push(ms);
    };
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      await signInWithPassword(db, { email: user.email, password: "bad guess" }, { ...ctx, ip: `198.51.100.${i}` }, new Date(start + i), wait);
    }
    expect(delays).toEqual([500, 1000]);
    const attempt = signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, new Date(start + 10), wait);
    expect(await codeOf(attempt)).toBe("SIGN_IN_THROTTLED");
    // After the window, the right password works again.
    const later = new Date(start + 16 * 60 * 1000);
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, later, wait)).not.toBeNull();
  });

  it("refuses an address that fails across many accounts", async () => {
    const ip = "192.0.2.99";
    const now = new Date();
    for (let i = 0; i < 30; i++) {
      await signInWithPassword(db, { email: `ghost-${i}@example.com`, password: "x" }, { ip, userAgent: "bot" }, now, noWait);
    }
    const user = await makeCustomerUser((await makeCustomer()).id);
    expect(await codeOf(signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, { ip, userAgent: "bot" }, now, noWait))).toBe(
      "SIGN_IN_THROTTLED",
    );
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, now, noWait)).not.toBeNull();
  });

  it("refuses disabled accounts", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, new Date(), noWait)).toBeNull();
  });
});
