import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/server/demo/seed-demo-data";

export const PASSWORD = DEMO_PASSWORD;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
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
