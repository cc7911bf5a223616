import { expect, type Page, test } from "@playwright/test";
import { E2E_AUTOPAY_CUSTOMER } from "./fixtures/totp";
import { showInLanguage, signIn } from "./support";

// Issue 16: a customer saves a default payment method, and the renewal invoice due today is then paid
// by itself: the daily autopay (here started by billing staff with "Charge due renewals now", the
// same run as the AUTOPAY_AT job) charges it off-session with the demo provider. The fixture's Borealis
// has a renewal invoice due today (seed-e2e.ts).
const dialog = (page: Page) => page.locator("dialog[open]");

test("a saved default card pays the renewal due today by itself", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, E2E_AUTOPAY_CUSTOMER);

  // The renewal is open and offers to pay; nothing is automatic yet.
  await page.goto("/portal/invoices");
  const row = page.getByTestId("invoice-row").first();
  await expect(row).not.toContainText("Paid");
  await page.goto("/portal/payment-methods");
  await expect(page.getByTestId("autopay-explained")).toContainText("Without a default method, you pay each invoice yourself");

  // The customer saves a card: being the first, it becomes the default that pays renewals.
  await page.getByTestId("add-method").click();
  const form = page.getByTestId("demo-setup");
  await form.getByLabel("Card number").fill("4242 4242 4242 4242");
  await form.getByLabel("Expiry").fill("12/30");
  await form.getByLabel("CVC").fill("123");
  await form.getByRole("button", { name: "Save this method" }).click();
  await expect(page.getByTestId("method-saved")).toHaveText("Payment method saved.");
  await expect(page.getByTestId("default-method")).toContainText("Pays renewals automatically on their due date.");

  // The day's autopay runs (billing staff start it at once, after saying yes to taking the money).
  const staff = await browser.newPage();
  await showInLanguage(staff, "en", baseURL);
  await signIn(staff, "billing@comptoir.example");
  await staff.goto("/staff/payments");
  await staff.getByRole("link", { name: "Autopay" }).click();
  await expect(staff).toHaveURL(/\/staff\/payments\/autopay$/);
  await staff.getByTestId("charge-due-renewals").click();
  await expect(dialog(staff)).toContainText("Money is taken at once");
  await dialog(staff).getByRole("button", { name: "Yes, charge now" }).click();
  await expect(staff.getByTestId("action-ok")).toContainText(/[1-9]\d* charge\(s\) made, 0 could not reach/);
  const attempt = staff.getByTestId("autopay-attempt-row").filter({ hasText: "Borealis Web SARL" });
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toContainText("On the due date");
  await expect(attempt).toContainText("paid");

  // Pressed again, nothing more is charged: the attempt is the same one.
  await staff.getByTestId("charge-due-renewals").click();
  await dialog(staff).getByRole("button", { name: "Yes, charge now" }).click();
  await expect(staff.getByTestId("action-ok")).toContainText("0 charge(s) made");
  await expect(staff.getByTestId("autopay-attempt-row").filter({ hasText: "Borealis Web SARL" })).toHaveCount(1);

  // The customer's renewal shows paid, without having pressed Pay.
  await page.goto("/portal/invoices");
  await expect(page.getByTestId("invoice-row").first()).toContainText("Paid");
  await expect(page.getByTestId("pay-all-due")).toHaveCount(0);
});
