import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { totpCodeAt } from "@/server/auth/totp";
import { DEMO_PASSWORD, DEMO_STAFF } from "@/server/demo/seed-demo-data";
import { E2E_ADMIN_TOTP_SECRET } from "./fixtures/totp";

export const PASSWORD = DEMO_PASSWORD;

const STEP_MS = 30_000;
/** The last TOTP step this test run used, kept in a file: spec files may run in fresh module scopes. */
const LAST_STEP_FILE = "test-results/e2e-totp-last-step";

/**
 * A code the server has not seen yet: it accepts the current and the next 30-second step, each once
 * per user. When both were used by earlier sign-ins, wait for the next step (and give the test the
 * time that costs) instead of failing on a replayed code.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / STEP_MS);
    const last = fs.existsSync(LAST_STEP_FILE) ? Number(fs.readFileSync(LAST_STEP_FILE, "utf8")) : -1;
    const step = [now, now + 1].find((s) => s > last);
    if (step !== undefined) {
      fs.writeFileSync(LAST_STEP_FILE, String(step));
      return totpCodeAt(secret, step * STEP_MS + 1000);
    }
    const wait = (now + 1) * STEP_MS - Date.now() + 200;
    test.info().setTimeout(test.info().timeout + wait);
    await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * Signs in through the form. With `totpSecret`, answers the second step with a code generated like an
 * authenticator app would, never one already used. The fixture admin's known secret is used by default.
 */
export async function signIn(page: Page, email: string, password = PASSWORD, totpSecret = email === DEMO_STAFF[0].email ? E2E_ADMIN_TOTP_SECRET : undefined) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  if (totpSecret) {
    await expect(page.getByTestId("signin-code-form")).toBeVisible();
    await page.locator("#code").fill(await freshTotpCode(totpSecret));
    await page.locator("[data-testid=signin-code-form] button[type=submit]").click();
  }
  // Password hashing (argon2) is slow on purpose; on a loaded machine a sign-in can take seconds.
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 15_000 });
}

export function fixture(): {
  users: { id: string; email: string }[];
  customers: { id: string; legalName: string }[];
  documents: { customerId: string; invoiceId: string; creditNoteId: string; orderId: string; subscriptionId: string | null }[];
  billingRunId: string;
  groupId: string;
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

/**
 * Creates a customer through the back-office form, as billing staff would, and leaves the page on
 * that customer. Specs that add documents use a customer of their own, so what they create never
 * shows up in the lists other specs read.
 */
export async function createCustomerThroughForm(page: Page, legalName: string, billingEmail = `billing-${Date.now()}@example.com`) {
  await page.goto("/staff/customers");
  await page.getByRole("link", { name: "New customer" }).click();
  const form = page.getByTestId("customer-form");
  await form.getByLabel("Legal name").fill(legalName);
  await form.getByLabel("Billing e-mail").fill(billingEmail);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("customer-name")).toHaveText(legalName);
}
