import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password-hashing";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { ctx, makeCustomer, makeCustomerUser, TEST_PASSWORD } from "../support/factories";
import { requestContextFrom } from "@/server/http/request-context";
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

  it("checks at most five passwords for one account however many attempts arrive at once", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    let verifications = 0;
    const countingVerify = async (hash: string, plain: string) => {
      verifications++;
      return verifyPassword(hash, plain);
    };
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        codeOf(signInWithPassword(db, { email: user.email, password: `guess ${i}` }, { ...ctx, ip: `198.18.0.${i}` }, now, noWait, countingVerify)),
      ),
    );
    expect(verifications).toBe(5);
    expect(outcomes.filter((c) => c === "OK")).toHaveLength(5);
    expect(outcomes.filter((c) => c === "SIGN_IN_THROTTLED")).toHaveLength(35);
    expect(await db.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(5);
  });

  it("records at most thirty failures from one address however many attempts arrive at once", async () => {
    const ip = "198.18.1.1";
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        codeOf(signInWithPassword(db, { email: `parallel-${i}@example.com`, password: "x" }, { ip, userAgent: "bot" }, now, noWait)),
      ),
    );
    expect(await db.signInAttempt.count({ where: { ip, succeeded: false } })).toBe(30);
    expect(outcomes.filter((c) => c === "SIGN_IN_THROTTLED")).toHaveLength(15);
  });

  it("keeps counting against the socket address whatever X-Forwarded-For the client forges", async () => {
    const peer = "198.18.2.2";
    const now = new Date();
    const contextWith = (forged: string) =>
      requestContextFrom((name) => ({ "x-forwarded-for": forged, "x-comptoir-peer-address": `::ffff:${peer}`, "user-agent": "bot" })[name], {
        peerHeader: "x-comptoir-peer-address",
        trustedHops: 0,
      });
    for (let i = 0; i < 30; i++) {
      const c = contextWith(`10.9.${i}.1, 10.8.${i}.2`);
      expect(c.ip).toBe(peer);
      await signInWithPassword(db, { email: `forger-${i}@example.com`, password: "x" }, c, now, noWait);
    }
    const user = await makeCustomerUser((await makeCustomer()).id);
    const attempt = signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, contextWith("203.0.113.250"), now, noWait);
    expect(await codeOf(attempt)).toBe("SIGN_IN_THROTTLED");
  });
});
