import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a demo customer signs in and sees the portal home in English, French and Spanish", async ({ page }) => {
  await signIn(page, "claire@dupont.example");
  await expect(page).toHaveURL(/\/portal$/);
  // Claire's saved language is French.
  await expect(page.getByTestId("portal-title")).toHaveText("Bienvenue, Claire Dupont");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await page.getByTestId("language-switcher").first().selectOption("es");
  await expect(page.getByTestId("portal-title")).toHaveText("Bienvenido/a, Claire Dupont");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");

  await page.getByTestId("language-switcher").first().selectOption("en");
  await expect(page.getByTestId("portal-title")).toHaveText("Welcome, Claire Dupont");
  await expect(page.getByText("Account of Boulangerie Dupont SARL")).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.locator("#email").fill("marc@dupont.example");
  await page.locator("#password").fill("not the password");
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  await expect(page.getByTestId("signin-error")).toHaveText("Wrong e-mail or password.");
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fportal/);
});

test("staff land in the back-office, customers cannot enter it", async ({ page }) => {
  await signIn(page, "support@comptoir.example");
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/outbox");
  await expect(page.getByRole("heading", { name: /not found|introuvable|no encontrada/i })).toBeVisible();
});
