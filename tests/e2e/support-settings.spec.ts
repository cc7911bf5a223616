import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an admin sets the support desk's addresses and charging rules, and a bad time zone is refused next to its field", async ({ page }) => {
  await signIn(page, "admin@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Administration" }).click();
  await nav.getByRole("link", { name: "Support desk" }).click();
  await expect(page.getByRole("heading", { name: "Support desk" })).toBeVisible();
  // The sources' defaults: Quebec's calendar, 1 h minimum for urgent phone calls without a bank.
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Toronto");
  const urgentOnSiteWithBank = page.getByLabel("Urgent · On site, With a bank: Increment");
  await expect(urgentOnSiteWithBank).toHaveValue("60");
  await expect(page.getByLabel("Urgent · Phone, Without a bank: Minimum")).toHaveValue("60");

  await page.getByLabel("Urgent requests").fill("urgences@comptoir.example");
  await urgentOnSiteWithBank.fill("45");
  await page.getByLabel("Low-balance alerts (% of the bank used)").fill("90, 75");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Support desk settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Urgent requests")).toHaveValue("urgences@comptoir.example");
  await expect(urgentOnSiteWithBank).toHaveValue("45");
  await expect(page.getByLabel("Low-balance alerts (% of the bank used)")).toHaveValue("75, 90");
  await page.screenshot({ path: "test-results/support-settings-saved.png", fullPage: true });

  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByLabel("Regular requests").fill("urgences@comptoir.example");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a time zone such as America/Toronto.")).toBeVisible();
  await expect(page.getByText("The urgent address must differ from the regular one.")).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("Mars/Olympus"); // what was typed stays
  await expect(page.getByText("Support desk settings saved.")).toHaveCount(0);

  // Back to the sources' settings, which the other support specs expect.
  await page.getByLabel("Time zone").fill("America/Toronto");
  await page.getByLabel("Regular requests").fill("support@comptoir.localhost");
  await page.getByLabel("Urgent requests").fill("urgent@comptoir.localhost");
  await urgentOnSiteWithBank.fill("60");
  await page.getByLabel("Low-balance alerts (% of the bank used)").fill("80, 95");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Support desk settings saved.")).toBeVisible();
});

test("billing staff get a 404 for the support desk settings", async ({ page }) => {
  await signIn(page, "billing@comptoir.example");
  const response = await page.goto("/staff/settings/support");
  expect(response?.status()).toBe(404);
});
