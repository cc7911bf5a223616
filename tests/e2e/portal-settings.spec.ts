import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 13, item 8: the portal's settings page has one field, the account's language (a list of
// three, so nothing can be typed wrong). Choosing one changes the page at once, survives a reload,
// and is saved on the account: another browser signs in in that language. John ends in English.
test("a customer picks French on the settings page; it stays after a reload and on another device", async ({
  page,
  browser,
}) => {
  await signIn(page, "john@solymar.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Account" }).click();
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");

  const language = page.getByRole("main").getByLabel("Language");
  await expect(language).toHaveValue("en");
  await language.selectOption({ label: "Français" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramètres");
  await expect(
    page.getByText("Le portail et les e-mails que nous vous envoyons utilisent cette langue."),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paramètres");
  await expect(page.getByRole("main").getByLabel("Langue")).toHaveValue("fr");

  // Another browser, without this one's cookie: the account's language applies after sign-in.
  const other = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(other, "john@solymar.example");
  await expect(other.locator("html")).toHaveAttribute("lang", "fr");
  await other.goto("/portal/settings");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Paramètres");
  await other.context().close();

  await page.getByRole("main").getByLabel("Langue").selectOption({ label: "English" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await page.reload();
  await expect(page.getByRole("main").getByLabel("Language")).toHaveValue("en");
});
