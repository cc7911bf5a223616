import { describe, expect, it } from "vitest";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
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
});
