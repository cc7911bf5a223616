import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { totpCodeAt } from "@/server/auth/totp";
import { DEMO_PASSWORD, DEMO_STAFF } from "@/server/demo/seed-demo-data";
import { E2E_ADMIN_TOTP_SECRET } from "./fixtures/totp";

export const PASSWORD = DEMO_PASSWORD;

/**
 * Signs in through the form. With `totpSecret`, answers the second step with a code generated like an
 * authenticator app would, one step ahead so it never repeats a code already used in this step. The
 * fixture admin's known secret is used by default.
 */
export async function signIn(page: Page, email: string, password = PASSWORD, totpSecret = email === DEMO_STAFF[0].email ? E2E_ADMIN_TOTP_SECRET : undefined) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  if (totpSecret) {
    await expect(page.getByTestId("signin-code-form")).toBeVisible();
    await page.locator("#code").fill(totpCodeAt(totpSecret, Date.now() + 30_000));
    await page.locator("[data-testid=signin-code-form] button[type=submit]").click();
  }
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export function fixture(): {
  users: { id: string; email: string }[];
  customers: { id: string; legalName: string }[];
  documents: { customerId: string; invoiceId: string; creditNoteId: string; orderId: string }[];
} {
  return JSON.parse(fs.readFileSync("test-results/e2e-fixture.json", "utf8"));
}

export const userId = (email: string) => {
  const u = fixture().users.find((x) => x.email === email);
  if (!u) throw new Error(`no fixture user ${email}`);
  return u.id;
};

/** Shows the interface in `locale` for this browser only (the account's saved language is untouched). */
export async function showInLanguage(page: Page, locale: "en" | "fr" | "es", baseURL = "http://127.0.0.1:3100") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}
