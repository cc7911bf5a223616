import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an admin sets the provider's identity and logo, and sees a bad IBAN refused next to its field", async ({ page }) => {
  await signIn(page, "admin@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Administration" }).click(); // the admin pages share one menu
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Company" })).toBeVisible();
  // The demo seeds a complete French provider.
  await expect(page.getByLabel("Legal name")).toHaveValue("Comptoir Hébergement SAS");

  await page.getByLabel("Legal name").fill("Comptoir Hébergement Łódź SAS");
  await page.getByLabel("Address").fill("1 place Bellecour\n69002 Lyon");
  await page.getByLabel("VAT number").fill("FR32912345678");
  await page.getByLabel("IBAN").fill("FR76 3000 6000 0112 3456 7890 189");
  await page.getByLabel("BIC").fill("AGRIFRPP");
  await page.getByLabel("Payment terms (days)").fill("45");
  await page.getByLabel("Late-payment penalty rate (% a year)").fill("12.15");
  await page.getByLabel("Footer text").fill("SAS au capital de 10 000 €");
  await page.getByLabel("Logo (PNG or JPEG, 512 KB at most)").setInputFiles("public/icon-192.png");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Company settings saved.")).toBeVisible();
  await page.screenshot({ path: "test-results/company-settings-saved.png", fullPage: true });

  // The uploaded logo now replaces the default one in the header.
  await page.reload();
  await expect(page.getByLabel("Legal name")).toHaveValue("Comptoir Hébergement Łódź SAS");
  await expect(page.getByLabel("Payment terms (days)")).toHaveValue("45");
  const logo = await page.request.get("/company-logo", { maxRedirects: 0 });
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/png");

  await page.getByLabel("IBAN").fill("FR76 1234 5678 9012");
  await page.getByRole("button", { name: "Save" }).click();
  const iban = page.getByLabel("IBAN");
  await expect(iban).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("error-company-iban")).toHaveText("Enter a valid IBAN: its check digits do not match.");
  await expect(iban).toHaveValue("FR76 1234 5678 9012"); // what was typed stays in the field
  await expect(page.getByText("Company settings saved.")).toHaveCount(0);
  await page.screenshot({ path: "test-results/company-settings-error.png", fullPage: true });
});

test("billing staff have no Settings link and get a 404 for the company settings page", async ({ page }) => {
  await signIn(page, "billing@comptoir.example");
  await expect(page.getByRole("navigation", { name: "main" }).getByRole("link", { name: /Settings|Paramètres/ })).toHaveCount(0);
  const response = await page.goto("/staff/settings/company");
  expect(response?.status()).toBe(404);
});
