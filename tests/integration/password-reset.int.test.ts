import { describe, expect, it } from "vitest";
import { MAX_RESETS_PER_HOUR, type PaddingClock, RESET_REQUEST_MIN_MS, requestPasswordReset } from "@/server/auth/request-password-reset";
import { resetPassword } from "@/server/auth/reset-password";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { ctx, makeCustomer, makeCustomerUser, TEST_PASSWORD } from "../support/factories";
import { codeOf, latestEmailTo, tokenFrom } from "../support/helpers";

const db = getDb();

describe("forgotten password", () => {
  it("answers the same for unknown addresses and sends nothing", async () => {
    await expect(requestPasswordReset(db, "nobody-here@example.com", ctx, new Date())).resolves.toBeUndefined();
    expect(await db.outboundEmail.count({ where: { toAddress: "nobody-here@example.com" } })).toBe(0);
  });

  it("e-mails a one-hour link that sets a new password, ends old sessions and works once", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    const now = new Date();
    await requestPasswordReset(db, `  ${user.email.toUpperCase()} `, ctx, now);
    const token = tokenFrom((await latestEmailTo(user.email)).text, "reset-password");

    await resetPassword(db, { token, password: "a brand new passphrase" }, ctx, now);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, ctx, now, async () => {})).toBeNull();
    expect(await signInWithPassword(db, { email: user.email, password: "a brand new passphrase" }, ctx, now, async () => {})).not.toBeNull();
    expect(await codeOf(resetPassword(db, { token, password: "yet another passphrase" }, ctx, now))).toBe("TOKEN_USED");
  });

  it("expires reset links after an hour and limits how many are sent", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    const now = new Date();
    for (let i = 0; i < 5; i++) await requestPasswordReset(db, user.email, ctx, now);
    expect(await db.outboundEmail.count({ where: { toAddress: user.email } })).toBe(3);
    const token = tokenFrom((await latestEmailTo(user.email)).text, "reset-password");
    const later = new Date(now.getTime() + 61 * 60 * 1000);
    expect(await codeOf(resetPassword(db, { token, password: "a brand new passphrase" }, ctx, later))).toBe("TOKEN_EXPIRED");
  });

  it("queues exactly three e-mails when twenty requests arrive at once", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, () => requestPasswordReset(db, user.email, ctx, now)));
    expect(await db.outboundEmail.count({ where: { toAddress: user.email } })).toBe(MAX_RESETS_PER_HOUR);
  });

  it("pads known and unknown addresses to the same minimum duration", async () => {
    const user = await makeCustomerUser((await makeCustomer()).id);
    // A fake clock that says each request's own work took 7 ms: both paths sleep the same remainder.
    const sleeps: number[] = [];
    const clock = (): PaddingClock => ({
      elapsedMs: () => 7,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await requestPasswordReset(db, user.email, ctx, new Date(), clock());
    await requestPasswordReset(db, "nobody-at-all@example.com", ctx, new Date(), clock());
    expect(sleeps).toEqual([RESET_REQUEST_MIN_MS - 7, RESET_REQUEST_MIN_MS - 7]);

    // With the real clock, every request of either kind takes at least the minimum.
    for (let i = 0; i < 3; i++) {
      for (const email of [user.email, `nobody-${i}@example.com`]) {
        const start = performance.now();
        await requestPasswordReset(db, email, ctx, new Date());
        expect(performance.now() - start).toBeGreaterThanOrEqual(RESET_REQUEST_MIN_MS - 1);
      }
    }
  });
});
