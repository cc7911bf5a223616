import { expect, test } from "@playwright/test";
import { signIn, showInLanguage } from "./support";

// Issue 13, item 8: the manual invoice form could never be saved ("some fields need fixing" without
// naming one). Billing staff fill it as a person would: mistakes are named next to their field, and a
// corrected form saves a draft that shows its provisional total.
test("billing writes a manual invoice, fixes the fields it points at, and saves the draft", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/customers");
  await page.getByRole("link", { name: "Boulangerie Dupont SARL" }).click();
  await page.getByTestId("new-invoice").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Boulangerie Dupont SARL");

  const line = (n: number) => page.locator("section").filter({ has: page.getByRole("heading", { name: `Line ${n}`, exact: true }) });
  const line1 = line(1);
  await line1.getByLabel("Description").fill("Intervention sur site — Łódź");
  await line1.getByLabel("Qty").fill("2");
  await line1.getByLabel(/unit price/i).fill("12,5x");
  await line1.getByLabel(/period start/i).fill("2026-03-01");
  await page.getByRole("button", { name: /add a line/i }).click();
  const line2 = line(2);
  await line2.getByLabel("Description").fill("Déplacement");
  await line2.getByLabel(/unit price/i).fill("45");
  await page.getByRole("button", { name: "Save the draft" }).click();

  await expect(page.getByTestId("form-error")).toContainText("2 fields need fixing");
  await expect(page.getByTestId("error-lines.0.unitPrice")).toHaveText("Enter an amount such as 12.50.");
  await expect(page.getByTestId("error-lines.0.periodEnd")).toHaveText("A service period needs both a start and an end.");

  await line1.getByLabel(/unit price/i).fill("12,50");
  await line1.getByLabel(/period end/i).fill("2026-03-31");
  await page.getByRole("button", { name: "Save the draft" }).click();

  await expect(page).toHaveURL(/\/staff\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Intervention sur site — Łódź")).toBeVisible();
  await expect(page.getByText("Déplacement")).toBeVisible();
  // Item 11: a draft says it is not issued yet and shows its provisional total, never "amount due 0".
  await expect(page.getByTestId("draft-banner")).toContainText("not issued yet");
  // 2 × 12.50 + 45.00 = 70.00 net, 84.00 with 20 % VAT.
  await expect(page.getByTestId("invoice-total")).toHaveText("€84.00");
  await expect(page.getByTestId("invoice-balance")).toHaveCount(0);
});

test("billing edits a draft, then deletes it after confirming", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/customers");
  await page.getByRole("link", { name: "Hostal Sol y Mar S.L." }).click();
  await page.getByTestId("new-invoice").click();
  const line1 = page.locator("section").filter({ has: page.getByRole("heading", { name: "Line 1", exact: true }) });
  await line1.getByLabel("Description").fill("Migración de correo");
  await line1.getByLabel(/unit price/i).fill("100");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByTestId("draft-banner")).toBeVisible();

  await page.getByTestId("edit-draft").click();
  await expect(line1.getByLabel(/unit price/i)).toHaveValue("100.00");
  await line1.getByLabel(/unit price/i).fill("150");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByTestId("draft-saved")).toHaveText("Draft saved.");
  await expect(page.getByTestId("invoice-total")).toHaveText("€180.00");

  await page.getByTestId("delete-draft").click();
  await expect(page.locator("dialog[open]")).toContainText("Delete this draft?");
  await page.locator("dialog[open]").getByRole("button", { name: "Delete it" }).click();
  await expect(page.getByTestId("draft-deleted")).toHaveText("Draft deleted.");
  await expect(page.getByTestId("customer-name")).toHaveText("Hostal Sol y Mar S.L.");
});
