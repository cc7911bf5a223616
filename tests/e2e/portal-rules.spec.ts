import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_PORTAL_RULES_CUSTOMER, E2E_PORTAL_RULES_GROUP, E2E_PORTAL_RULES_SPARE } from "./fixtures/totp";
import { PASSWORD, showInLanguage } from "./support";

// Issue 17, portal rules: billing staff turn the portal on for a group and set its rules and terms;
// the group's customer must accept the terms before the portal; with the portal off, they are told
// their company's portal access is not enabled (at sign-in and with a session already open).

async function openGroup(page: Page, tab: "Portal" | "Customers") {
  await page.goto("/staff/groups");
  await page.getByTestId("group-row").filter({ hasText: E2E_PORTAL_RULES_GROUP }).getByRole("link").click();
  await page.getByRole("navigation", { name: "Group settings" }).getByRole("link", { name: tab }).click();
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/signin");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
}

/** Billing staff (no second factor) sign in; the first sign-in after the server starts can be slow on a busy machine. */
async function staffSignIn(page: Page) {
  await passwordStep(page, "billing@comptoir.example");
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 20_000 });
}

async function noSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test("staff turn the portal on and set its rules; the customer accepts the terms; with the portal off they are refused", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await showInLanguage(page, "en", baseURL);
  await staffSignIn(page);
  await openGroup(page, "Portal");
  const form = page.getByTestId("portal-rules-form");
  const enabled = form.getByLabel("Use the billing portal");
  await expect(enabled).not.toBeChecked();
  await expect(form.getByText("Tax-ID format asked at registration")).toBeHidden();
  await enabled.check();
  await expect(form.getByText("Tax-ID format asked at registration")).toBeVisible();

  await form.getByLabel("Social security number").check();
  await form.getByLabel("Public access link").fill("Solstice Partners!");
  await form.getByLabel("E-mail help link (optional)").fill("http://help.solstice.example");
  await form.getByLabel("Contacts per company").fill("51");
  await form.getByTestId("message-terms").locator("summary").click();
  await form.getByTestId("message-terms").getByLabel("English").fill("Welcome to Solstice partners.");
  await form.getByTestId("message-terms").getByLabel("French").fill("Bienvenue chez les partenaires Solstice.");
  await form.getByRole("button", { name: "Add a question" }).click();
  await form.getByTestId("access-question").getByLabel("English").fill("How many sites do you run?");
  await form.getByTestId("access-question").getByLabel("An answer is required").check();
  await form.getByRole("button", { name: "Save portal rules" }).click();
  await expect(form.getByLabel("Public access link")).toHaveAccessibleDescription(/Use lowercase letters, digits and hyphens only/);
  await expect(form.getByLabel("E-mail help link (optional)")).toHaveAccessibleDescription(/Enter a full link starting with https:\/\//);
  await expect(form.getByLabel("Contacts per company")).toHaveAccessibleDescription(/This is too large/);
  await expect(page.getByTestId("form-error")).toContainText("3");
  // What was typed stays, nothing was saved.
  await expect(form.getByTestId("message-terms").getByLabel("French")).toHaveValue("Bienvenue chez les partenaires Solstice.");
  await expect(form.getByTestId("access-question").getByLabel("English")).toHaveValue("How many sites do you run?");

  await form.getByLabel("Public access link").fill("solstice-partners");
  await expect(form.getByText(`${baseURL}/access/solstice-partners`)).toBeVisible();
  await form.getByLabel("E-mail help link (optional)").fill("https://help.solstice.example/new-address");
  await form.getByLabel("Contacts per company").fill("4");
  await form.getByRole("button", { name: "Save portal rules" }).click();
  await expect(page.getByTestId("portal-rules-saved")).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Use the billing portal")).toBeChecked();
  await expect(form.getByLabel("Social security number")).toBeChecked();
  await expect(form.getByLabel("Public access link")).toHaveValue("solstice-partners");
  await expect(form.getByLabel("Contacts per company")).toHaveValue("4");
  await expect(form.getByTestId("message-terms").getByLabel("French")).toHaveValue("Bienvenue chez les partenaires Solstice.");
  await expect(form.getByTestId("access-question").getByLabel("English")).toHaveValue("How many sites do you run?");
  await expect(form.getByTestId("access-question").getByLabel("An answer is required")).toBeChecked();
  await page.screenshot({ path: "test-results/ux/group-portal-1280.png", fullPage: true });

  // Terms v1, confirmed: publishing asks every user of the group again.
  const terms = page.getByTestId("publish-terms-form");
  await terms.getByLabel("English").fill("Solstice partners' terms, version 1.\n\nPay on time.");
  await terms.getByLabel("French").fill("Conditions des partenaires Solstice, version 1.");
  await terms.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("confirm-summary")).toContainText("asks every user of the group to accept again");
  await page.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("terms-published")).toContainText("Version 1 published");
  await expect(page.getByTestId("terms-version-row")).toHaveCount(1);
  await expect(page.getByTestId("terms-version-row")).toContainText("v1");

  // The customer signs in, is asked to accept the terms, accepts and reaches the portal.
  const customerContext = await browser.newContext({ baseURL });
  const customer = await customerContext.newPage();
  await showInLanguage(customer, "en", baseURL);
  await passwordStep(customer, E2E_PORTAL_RULES_CUSTOMER);
  await expect(customer).toHaveURL(/\/accept-terms$/);
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Accept the terms");
  await expect(customer.getByTestId("terms-text")).toContainText("Pay on time.");
  await noSeriousAxeViolation(customer);
  await customer.screenshot({ path: "test-results/ux/accept-terms-1280.png", fullPage: true });
  await customer.goto("/portal/invoices");
  await expect(customer).toHaveURL(/\/accept-terms$/);
  await customer.getByRole("button", { name: "I accept" }).click();
  await expect(customer).toHaveURL(/\/portal$/);
  await expect(customer.getByTestId("signed-in-as")).toBeVisible();
  await customer.goto("/portal/invoices");
  await expect(customer).toHaveURL(/\/portal\/invoices$/);

  // Staff see who accepted which version.
  await page.reload();
  await expect(page.getByTestId("terms-version-row")).toContainText("1");
  await expect(page.getByTestId("terms-acceptance-row")).toContainText(E2E_PORTAL_RULES_CUSTOMER);
  await expect(page.getByTestId("terms-acceptance-row")).toContainText("v1");

  // Staff turn the portal off: the open session is sent to the page saying so, and sign-in is refused.
  await form.getByLabel("Use the billing portal").uncheck();
  await form.getByRole("button", { name: "Save portal rules" }).click();
  await expect(page.getByTestId("portal-rules-saved")).toBeVisible();
  await customer.goto("/portal/invoices");
  await expect(customer).toHaveURL(/\/portal-closed$/);
  await expect(customer.getByTestId("portal-closed")).toContainText("Portal access is not enabled for Solstice Energy SARL");
  await noSeriousAxeViolation(customer);
  await customer.setViewportSize({ width: 390, height: 844 });
  await customer.screenshot({ path: "test-results/ux/portal-closed-390.png", fullPage: true });
  await customer.getByRole("button", { name: "Sign out" }).click();
  await expect(customer).toHaveURL(/\/signin/);
  await passwordStep(customer, E2E_PORTAL_RULES_CUSTOMER);
  await expect(customer.getByTestId("signin-error")).toHaveText("Your company's portal access is not enabled. Please contact your billing team.");
  await expect(customer).toHaveURL(/\/signin/);
  await customerContext.close();
});

test("staff rename a group and add a customer to it, then remove it after confirming", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await staffSignIn(page);
  await openGroup(page, "Customers");
  await expect(page.getByTestId("group-member-row")).toHaveCount(1);
  await expect(page.getByTestId("group-member-row")).toContainText("Solstice Energy SARL");

  await page.getByLabel("Find a customer to add").fill("Solstice Annex");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  const candidate = page.getByTestId("member-candidate-row").filter({ hasText: E2E_PORTAL_RULES_SPARE });
  await expect(candidate).toContainText("No group");
  await candidate.getByRole("button", { name: "Add to the group" }).click();
  await expect(page.getByTestId("group-member-row")).toHaveCount(2);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/ux/group-customers-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const annex = page.getByTestId("group-member-row").filter({ hasText: E2E_PORTAL_RULES_SPARE });
  await annex.getByRole("button", { name: "Remove" }).click();
  await expect(annex.getByTestId("confirm-summary")).toContainText(`Remove ${E2E_PORTAL_RULES_SPARE} from ${E2E_PORTAL_RULES_GROUP}?`);
  await annex.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("group-member-row")).toHaveCount(1);

  // A taken name is refused on its field; a new one is saved (then put back, for the first test's lookup on a rerun).
  const rename = page.getByTestId("rename-group-form");
  await rename.getByLabel("Name").fill("Clients France");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByLabel("Name")).toHaveAccessibleDescription("Another group already has this name.");
  await rename.getByLabel("Name").fill(`${E2E_PORTAL_RULES_GROUP} (renamed)`);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${E2E_PORTAL_RULES_GROUP} (renamed)`);
  await rename.getByLabel("Name").fill(E2E_PORTAL_RULES_GROUP);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_PORTAL_RULES_GROUP);
});
