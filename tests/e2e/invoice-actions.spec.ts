import { expect, type Page, test } from "@playwright/test";
import { signIn, showInLanguage } from "./support";

// Issue 13, items 9 and 10: irreversible steps are confirmed with what they will do, say what they
// did, and a credit note is made from exactly what the screen shows (a second credit note once came
// out for the whole balance while the screen showed an amount of 2 €).

async function openInvoice(page: Page, customer: string) {
  await page.goto("/staff/invoices?status=OPEN");
  await page.getByTestId("invoice-row").filter({ hasText: customer }).first().getByRole("link").click();
  await expect(page.getByTestId("credit-note-form")).toBeVisible();
}
const dialog = (page: Page) => page.locator("dialog[open]");

test("two credit notes in a row: each is for exactly the amount on screen, after a confirmation", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await openInvoice(page, "Boulangerie Dupont");
  const form = page.getByTestId("credit-note-form");
  const credits = page.getByTestId("linked-credit-note");
  const before = await credits.count();

  for (const [typed, shown] of [
    ["1,00", "€1.00"],
    ["2,00", "€2.00"],
  ] as const) {
    await form.getByLabel("What to credit").selectOption("amount");
    await form.getByLabel("Amount").fill(typed);
    await form.getByLabel("Reason").fill(`Geste commercial ${typed}`);
    await page.getByTestId("credit-note-submit").click();
    await expect(dialog(page)).toContainText(shown);
    await dialog(page).getByRole("button", { name: "Issue the credit note" }).click();
    await expect(form.getByTestId("action-ok")).toContainText(/Credit note AV\d{4}-\d{6} issued/);
    // The form starts over from "everything left to pay", and the screen agrees with the state.
    await expect(form.getByLabel("What to credit")).toHaveValue("full");
    await expect(form.getByLabel("Amount")).toHaveCount(0);
  }
  await expect(credits).toHaveCount(before + 2);
  await expect(credits.filter({ hasText: "Geste commercial 1,00" })).toContainText("€1.00");
  await expect(credits.filter({ hasText: "Geste commercial 2,00" })).toContainText("€2.00");
});

test("cancelling a confirmation does nothing; a payment says what it recorded", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await openInvoice(page, "Hostal Sol y Mar");
  const form = page.getByTestId("payment-form");
  await form.getByLabel("Amount").fill("5,00");
  await page.getByTestId("record-payment").click();
  await expect(dialog(page)).toContainText("€5.00");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(form.getByTestId("action-ok")).toHaveCount(0);

  await page.getByTestId("record-payment").click();
  await dialog(page).getByRole("button", { name: "Record the payment" }).click();
  await expect(form.getByTestId("action-ok")).toHaveText("Payment recorded.");
});
