import { describe, expect, it } from "vitest";
import { resetPassword } from "@/server/auth/reset-password";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getDb } from "@/server/db/client";
import { createStaffUser } from "@/server/users/create-staff-user";
import { findSessionUser } from "@/server/users/user-repository";
import { ctx, uniqueEmail } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();

describe("bootstrapping a staff account from the shell", () => {
  it("creates a passwordless admin whose one-hour link sets the password", async () => {
    const email = uniqueEmail("first-admin");
    const now = new Date();
    const { userId, setupLink } = await createStaffUser(db, { email, name: "First Admin", roles: ["ADMIN"], locale: "fr" }, now);
    expect(await signInWithPassword(db, { email, password: "anything at all" }, ctx, now, async () => {})).toBeNull();
    const token = new URL(setupLink).searchParams.get("token") ?? "";
    await resetPassword(db, { token, password: "the first admin's passphrase" }, ctx, now);
    expect(await signInWithPassword(db, { email, password: "the first admin's passphrase" }, ctx, now, async () => {})).toMatchObject({ userId });
    expect(await findSessionUser(db, userId)).toMatchObject({ kind: "STAFF", staffRoles: ["ADMIN"] });
    expect(await codeOf(createStaffUser(db, { email, name: "Twice", roles: ["ADMIN"], locale: "en" }, now))).toBe("EMAIL_ALREADY_REGISTERED");
  });
});

describe("changing staff roles", () => {
  it("ends the colleague's sessions when a role is removed, never when one is added", async () => {
    const { updateStaffRoles } = await import("@/server/users/update-staff-roles");
    const admin = { id: (await createStaffUser(db, { email: uniqueEmail("admin"), name: "Admin", roles: ["ADMIN"], locale: "en" }, new Date())).userId, email: "a@example.com", name: "Admin" };
    const { userId } = await createStaffUser(db, { email: uniqueEmail("colleague"), name: "Colleague", roles: ["BILLING"], locale: "en" }, new Date());
    await updateStaffRoles(db, admin, userId, ["BILLING", "SUPPORT"], new Date());
    expect(await findSessionUser(db, userId)).toMatchObject({ sessionVersion: 1, staffRoles: ["BILLING", "SUPPORT"] });
    await updateStaffRoles(db, admin, userId, ["SUPPORT"], new Date());
    expect(await findSessionUser(db, userId)).toMatchObject({ sessionVersion: 2, staffRoles: ["SUPPORT"] });
    expect(await codeOf(updateStaffRoles(db, admin, admin.id, ["BILLING"], new Date()))).toBe("FORBIDDEN");
    expect(await codeOf(updateStaffRoles(db, admin, userId, [], new Date()))).toBe("VALIDATION_FAILED");
  });
});
