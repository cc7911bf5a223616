import { describe, expect, it } from "vitest";
import { REMEMBER_DEVICE_MS, rememberedDeviceValid } from "@/domain/auth/second-factor";
import { confirmTotpEnrolment } from "@/server/auth/confirm-totp-enrolment";
import { disableTotp } from "@/server/auth/disable-totp";
import { regenerateRecoveryCodes } from "@/server/auth/regenerate-recovery-codes";
import { readRememberedDevice, signRememberedDevice } from "@/server/auth/remembered-device";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { resetPassword } from "@/server/auth/reset-password";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { startTotpEnrolment } from "@/server/auth/start-totp-enrolment";
import { totpCodeAt } from "@/server/auth/totp";
import { verifySecondFactor } from "@/server/auth/verify-second-factor";
import { getDb } from "@/server/db/client";
import { ctx, makeStaff, TEST_PASSWORD } from "../support/factories";
import { codeOf, latestEmailTo, tokenFrom } from "../support/helpers";

const db = getDb();
const noWait = async () => {};
const STEP = 30_000;

async function enrolledStaff(roles: ("ADMIN" | "BILLING" | "SUPPORT")[] = ["BILLING"], at = Date.now()) {
  const staff = await makeStaff(roles);
  await startTotpEnrolment(db, staff.id, ctx, new Date(at));
  const { totpPendingSecret: secret } = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
  if (!secret) throw new Error("no pending secret");
  const { recoveryCodes } = await confirmTotpEnrolment(db, staff.id, totpCodeAt(secret, at), ctx, new Date(at));
  return { staff, secret, recoveryCodes };
}

describe("staff two-factor authentication", () => {
  it("enrols with a code from the app, then signs in with the password and a later code", async () => {
    const t0 = Date.now();
    const { staff, secret, recoveryCodes } = await enrolledStaff(["BILLING"], t0);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const row = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecret).toBeNull();
    // Only hashes are stored.
    const stored = await db.recoveryCode.findMany({ where: { userId: staff.id } });
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);

    const t1 = t0 + 2 * STEP;
    const password = await signInWithPassword(db, { email: staff.email, password: TEST_PASSWORD }, ctx, new Date(t1), noWait);
    expect(password?.totpEnabledAt).toEqual(row.totpEnabledAt);
    await expect(verifySecondFactor(db, staff.id, totpCodeAt(secret, t1), ctx, new Date(t1))).resolves.toEqual({ method: "totp" });
    // The same code cannot be replayed.
    expect(await codeOf(verifySecondFactor(db, staff.id, totpCodeAt(secret, t1), ctx, new Date(t1)))).toBe("TOTP_INVALID");

    const actions = (await db.auditEvent.findMany({ where: { actorUserId: staff.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "auth.totp.enrolment_started",
      "auth.totp.enabled",
      "auth.totp.enrolment.succeeded",
      "auth.sign_in.password_accepted",
      "auth.second_factor.succeeded",
      "auth.second_factor.failed",
    ]);
  });

  it("refuses a wrong code at enrolment and leaves 2FA off", async () => {
    const staff = await makeStaff();
    await startTotpEnrolment(db, staff.id, ctx, new Date());
    expect(await codeOf(confirmTotpEnrolment(db, staff.id, "000000", ctx, new Date()))).toBe("TOTP_INVALID");
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).totpEnabledAt).toBeNull();
  });

  it("accepts each recovery code once", async () => {
    const { staff, recoveryCodes } = await enrolledStaff();
    const code = recoveryCodes[3] as string;
    await expect(verifySecondFactor(db, staff.id, code.toUpperCase(), ctx, new Date())).resolves.toEqual({ method: "recovery" });
    expect(await codeOf(verifySecondFactor(db, staff.id, code, ctx, new Date()))).toBe("TOTP_INVALID");
    await expect(verifySecondFactor(db, staff.id, recoveryCodes[4] as string, ctx, new Date())).resolves.toEqual({ method: "recovery" });
  });

  it("locks the second step after five wrong codes, even against concurrent guesses and the right code", async () => {
    const t0 = Date.now();
    const { staff, secret } = await enrolledStaff(["BILLING"], t0);
    const t1 = t0 + 2 * STEP;
    const wrong = totpCodeAt(secret, t1) === "123456" ? "654321" : "123456";
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => codeOf(verifySecondFactor(db, staff.id, wrong, ctx, new Date(t1)))));
    expect(outcomes.filter((c) => c === "TOTP_INVALID")).toHaveLength(5);
    expect(outcomes.filter((c) => c === "SIGN_IN_THROTTLED")).toHaveLength(7);
    expect(await codeOf(verifySecondFactor(db, staff.id, totpCodeAt(secret, t1), ctx, new Date(t1)))).toBe("SIGN_IN_THROTTLED");
    const later = t1 + 16 * 60 * 1000;
    expect(await codeOf(verifySecondFactor(db, staff.id, totpCodeAt(secret, later), ctx, new Date(later)))).toBe("OK");
  });

  it("regenerates recovery codes and disables 2FA only with a current code, and never for admins", async () => {
    const t0 = Date.now();
    const { staff, secret, recoveryCodes } = await enrolledStaff(["SUPPORT"], t0);
    const t1 = t0 + 2 * STEP;
    const fresh = await regenerateRecoveryCodes(db, staff.id, totpCodeAt(secret, t1), ctx, new Date(t1));
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(await codeOf(verifySecondFactor(db, staff.id, recoveryCodes[0] as string, ctx, new Date(t1)))).toBe("TOTP_INVALID");

    expect(await codeOf(disableTotp(db, staff.id, "000000", ctx, new Date(t1 + STEP)))).not.toBe("OK");
    await disableTotp(db, staff.id, fresh.recoveryCodes[0] as string, ctx, new Date(t1 + STEP));
    const row = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpSecret).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);

    const admin = await enrolledStaff(["ADMIN"], t0);
    expect(await codeOf(disableTotp(db, admin.staff.id, totpCodeAt(admin.secret, t1), ctx, new Date(t1)))).toBe("TOTP_REQUIRED_FOR_ADMINS");
  });

  it("forgets remembered devices when the password is reset", async () => {
    const { staff } = await enrolledStaff();
    const now = new Date();
    const remembered = () => db.user.findUniqueOrThrow({ where: { id: staff.id } });
    const before = await remembered();
    const cookie = signRememberedDevice(
      { userId: staff.id, sessionVersion: before.sessionVersion, totpEnabledAtMs: before.totpEnabledAt?.getTime() ?? 0, expiresAtMs: now.getTime() + REMEMBER_DEVICE_MS },
      "test-secret",
    );
    const claim = readRememberedDevice(cookie ?? undefined, "test-secret");
    if (!claim) throw new Error("unreadable claim");
    expect(rememberedDeviceValid(claim, before, now)).toBe(true);

    await requestPasswordReset(db, staff.email, ctx, now, { elapsedMs: () => 0, sleep: async () => {} });
    const token = tokenFrom((await latestEmailTo(staff.email)).text, "reset-password");
    await resetPassword(db, { token, password: "a brand new passphrase" }, ctx, now);
    expect(rememberedDeviceValid(claim, await remembered(), now)).toBe(false);
  });

  it("forgets remembered devices when two-factor authentication is turned off", async () => {
    const t0 = Date.now();
    const { staff, secret } = await enrolledStaff(["BILLING"], t0);
    const before = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    const claim = { userId: staff.id, sessionVersion: before.sessionVersion, totpEnabledAtMs: before.totpEnabledAt?.getTime() ?? 0, expiresAtMs: t0 + REMEMBER_DEVICE_MS };
    await disableTotp(db, staff.id, totpCodeAt(secret, t0 + STEP), ctx, new Date(t0 + STEP));
    expect(rememberedDeviceValid(claim, await db.user.findUniqueOrThrow({ where: { id: staff.id } }), new Date(t0 + STEP))).toBe(false);
  });
});
