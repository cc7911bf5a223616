import { expect, type Page, test } from "@playwright/test";
import { showInLanguage, signIn } from "./support";

// Issue 16: staff refund part of a payment from the invoice page. The confirmation states the amount
// and the credit note it issues; the page then says what it did, and the credit note is listed.
const dialog = (page: Page) => page.locator("dialog[open]");

test("billing staff refund part of a payment: a refused amount, then a credit note for exactly what was refunded", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/invoices?status=OPEN");
  // Dupont's invoice (not the fixture's Nordlicht renewal, whose balance another spec reads).
  await page.getByTestId("invoice-row").filter({ hasText: "Boulangerie Dupont" }).first().getByRole("link").click();

  // A payment of 10.00 received by transfer, recorded through its form.
  const payForm = page.getByTestId("payment-form");
  await payForm.getByLabel("Amount").fill("10,00");
  await page.getByTestId("record-payment").click();
  await dialog(page).getByRole("button", { name: "Record the payment" }).click();
  await expect(page.getByTestId("action-ok").first()).toBeVisible();

  const form = page.getByTestId("refund-form");
  await expect(form).toBeVisible();
  // The newest payment of 10.00 (an earlier run of this test may have left one with something to refund).
  const option = form.locator("#refund-payment option", { hasText: "€10.00 by Transfer" }).last();
  await form.getByLabel("Payment", { exact: true }).selectOption((await option.getAttribute("value")) ?? "");
  await expect(form.getByTestId("refund-how")).toContainText("send the money back yourself");

  // More than the payment: refused, said next to the amount.
  await form.getByLabel("Amount to refund").fill("20,00");
  await form.getByLabel("Reason (printed on the credit note)").fill("Paid twice");
  await page.getByTestId("refund-payment").click();
  await expect(dialog(page)).toContainText("€20.00");
  await dialog(page).getByRole("button", { name: "Refund now" }).click();
  await expect(form.getByLabel("Amount to refund")).toHaveAccessibleDescription(/cannot exceed what is left of the payment/);

  await form.getByLabel("Amount to refund").fill("4,00");
  await page.getByTestId("refund-payment").click();
  await expect(dialog(page)).toContainText("Refund €4.00 of this payment and issue a credit note of €4.00");
  await dialog(page).getByRole("button", { name: "Refund now" }).click();
  const card = page.getByTestId("refund-list");
  await expect(page.getByTestId("action-ok").last()).toContainText(/Refunded €4\.00: credit note AV\d{4}-\d{6} issued\./);
  await expect(card).toContainText("Refund of €4.00 (done)");
  await card.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/AV\d{4}-\d{6}/);
  await expect(page.getByText("Paid twice").first()).toBeVisible();
});
