import { expect, test } from "@playwright/test";
import { createCustomerThroughForm, signIn } from "./support";

// Issue 13, item 8: the customer forms, filled as a person would. A refused value is named next to
// its field (the field points at the message), what was typed stays, and nothing is written.
test("staff create a customer, fix the e-mail the form points at, then edit it", async ({ page }) => {
  const name = `Atelier Łukasz ${Date.now()}`;
  await signIn(page, "admin@comptoir.example");
  await page.goto("/staff/customers");
  await page.getByRole("link", { name: "New customer" }).click();
  const form = page.getByTestId("customer-form");
  await form.getByLabel("Legal name").fill(name);
  // The browser accepts an address without a dot in its domain; the server does not.
  await form.getByLabel("Billing e-mail").fill("compta@atelier");
  await form.getByLabel("Address", { exact: true }).fill("3 quai Saint-Antoine");
  await form.getByLabel("Postal code").fill("69002");
  await form.getByLabel("City").fill("Lyon");
  await form.getByLabel("Language").selectOption({ label: "English" });
  await form.getByRole("button", { name: "Save" }).click();

  const email = form.getByLabel("Billing e-mail");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Enter an e-mail address.");
  await expect(page.getByTestId("error-customer-billingEmail")).toHaveText("Enter an e-mail address.");
  await expect(page.getByTestId("form-error")).toHaveText(
    "1 field needs fixing: see the message next to it.",
  );
  // What was typed is still there, the language included.
  await expect(form.getByLabel("Legal name")).toHaveValue(name);
  await expect(email).toHaveValue("compta@atelier");
  await expect(form.getByLabel("City")).toHaveValue("Lyon");
  await expect(form.getByLabel("Language")).toHaveValue("en");
  // Nothing was written: the list does not know this company.
  const list = await page.context().newPage();
  await list.goto(`/staff/customers?q=${encodeURIComponent(name)}`);
  await expect(list.getByText("Nothing to show yet.")).toBeVisible();
  await list.close();

  await email.fill("compta@atelier.example");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("customer-name")).toHaveText(name);
  await expect(page.getByText("compta@atelier.example")).toBeVisible();

  // The list's search finds it.
  await page.goto("/staff/customers");
  await page.getByLabel("Name or e-mail").fill("atelier.example");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();

  // Editing: a blank name is refused next to it and the saved name is untouched.
  await page.getByRole("link", { name }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  const edit = page.getByTestId("customer-form");
  await expect(edit.getByLabel("City")).toHaveValue("Lyon");
  await edit.getByLabel("Legal name").fill("   "); // passes the browser's "required", not the server
  await edit.getByLabel("City").fill("Villeurbanne");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByLabel("Legal name")).toHaveAccessibleDescription("Fill in this field.");
  await expect(edit.getByLabel("City")).toHaveValue("Villeurbanne");
  await page.reload();
  await expect(page.getByTestId("customer-form").getByLabel("Legal name")).toHaveValue(name);
  await expect(page.getByTestId("customer-form").getByLabel("City")).toHaveValue("Lyon");

  await page.getByTestId("customer-form").getByLabel("City").fill("Villeurbanne");
  await page.getByTestId("customer-form").getByLabel("Tax ID").fill("FR40123456789");
  await page.getByTestId("customer-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("customer-saved")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByTestId("customer-form").getByLabel("City")).toHaveValue("Villeurbanne");
  await expect(page.getByTestId("customer-form").getByLabel("Tax ID")).toHaveValue("FR40123456789");
  await expect(page.getByTestId("customer-form").getByLabel("Legal name")).toHaveValue(name);
});

test("staff add a site and a subscription to a customer; a cycle the product lacks is refused next to it", async ({
  page,
}) => {
  const name = `Ferme des Śliwki ${Date.now()}`;
  await signIn(page, "admin@comptoir.example");
  await createCustomerThroughForm(page, name);

  // A site: a name of spaces is refused next to the name, and no site is recorded.
  const sites = page.getByTestId("site-form");
  await sites.getByLabel("Site name").fill("   ");
  await sites.getByLabel("City").fill("Annecy");
  await sites.getByRole("button", { name: "Add a site" }).click();
  await expect(sites.getByLabel("Site name")).toHaveAccessibleDescription("Fill in this field.");
  await expect(page.getByTestId("error-site-name")).toBeVisible();
  await expect(sites.getByLabel("City")).toHaveValue("Annecy");
  await expect(page.getByText("No site recorded.")).toBeVisible();
  await expect(page.getByTestId("site-row")).toHaveCount(0);

  await sites.getByLabel("Site name").fill("Fromagerie — Annecy");
  await sites.getByRole("button", { name: "Add a site" }).click();
  await expect(page.getByTestId("site-added")).toHaveText("Site “Fromagerie — Annecy” added.");
  await expect(page.getByText("No site recorded.")).toHaveCount(0);
  await expect(page.getByTestId("site-row")).toHaveText(/^Fromagerie — Annecy\s+Annecy/);

  // A subscription: the .fr domain is sold yearly only; asking for a monthly one is refused next
  // to the cycle, and nothing starts.
  const subscriptions = page.getByTestId("subscription-form");
  await subscriptions.getByLabel("Product").selectOption({ label: "Nom de domaine .fr" });
  await subscriptions.getByLabel("Cycle").selectOption({ label: "Monthly" });
  await subscriptions.getByLabel("Site").selectOption({ label: "Fromagerie — Annecy" });
  await subscriptions.getByLabel("Start date").fill("2026-03-01");
  await subscriptions.getByRole("button", { name: "Add a subscription" }).click();
  const cycle = subscriptions.getByLabel("Cycle");
  await expect(cycle).toHaveAttribute("aria-invalid", "true");
  await expect(cycle).toHaveAccessibleDescription(
    "This product has no price for this billing cycle in the customer’s currency.",
  );
  await expect(subscriptions.getByLabel("Product")).toHaveValue(/.+/);
  await expect(subscriptions.getByLabel("Start date")).toHaveValue("2026-03-01");
  await expect(page.getByTestId("subscription-row")).toHaveCount(0);

  await subscriptions.getByLabel("Cycle").selectOption({ label: "Yearly" });
  await subscriptions.getByRole("button", { name: "Add a subscription" }).click();
  await expect(page.getByTestId("subscription-added")).toHaveText(
    "Subscription to Nom de domaine .fr added: it is in the list above.",
  );
  const row = page.getByTestId("subscription-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Nom de domaine .fr");
  await expect(row).toContainText("Fromagerie — Annecy");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("€15.00");
  await page.reload();
  await expect(page.getByTestId("subscription-row")).toHaveCount(1);
});
