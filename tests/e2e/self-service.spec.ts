import { expect, type Page, test } from "@playwright/test";
import { E2E_CONTACT_UPDATED_MESSAGE, E2E_SELF_SERVICE_MEMBER, E2E_SELF_SERVICE_OWNER } from "./fixtures/totp";
import { PASSWORD, signIn } from "./support";

// Issue 17, self-service: the owner of Atelier Lumière keeps their profile and the company's details
// up to date, moves the billing e-mail to a new address (confirmed from that mailbox), and changes
// their password, staying signed in while their other device is signed out.

const NEW_BILLING = "compta@lumiere.example";
const NEW_PASSWORD = "lanterns light the whole workshop";

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: `test-results/self-service-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an owner edits their profile and the company, moves the billing e-mail and changes their password", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_SELF_SERVICE_OWNER);
  await page.goto("/portal/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");

  // 1. Profile: a phone made of words is refused next to the field; then saved, and kept on reload.
  const profile = page.getByTestId("profile-form");
  await profile.getByLabel("Name").fill("Odile Lumière-Dubois");
  await profile.getByLabel("Phone").fill("call me");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByLabel("Phone")).toHaveAccessibleDescription(/Enter a phone number\./);
  await expect(profile.getByLabel("Name")).toHaveValue("Odile Lumière-Dubois");
  await profile.getByLabel("Phone").fill("+33 4 72 10 20 30");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("profile-saved")).toHaveText("Profile saved.");
  await page.reload();
  await expect(page.getByTestId("profile-form").getByLabel("Name")).toHaveValue("Odile Lumière-Dubois");
  await expect(page.getByTestId("profile-form").getByLabel("Phone")).toHaveValue("+33 4 72 10 20 30");

  // 2. Company details: the legal name and tax ID are shown, not editable; the address is, and the
  // group's message follows the save.
  await expect(page.getByTestId("company-facts")).toContainText("Atelier Lumière SAS");
  await expect(page.getByTestId("company-facts")).toContainText("FR55123456789");
  const company = page.getByTestId("company-form");
  await company.getByLabel("Address line 1").fill("12 quai Saint-Vincent");
  await company.getByLabel("Postal code").fill("69001");
  await company.getByLabel("City").fill("Lyon");
  await company.getByLabel("Country").selectOption("FR");
  await company.getByLabel("Company phone").fill("+33 4 72 00 00 00");
  await company.getByRole("button", { name: "Save company details" }).click();
  await expect(page.getByTestId("company-saved")).toHaveText("Company details saved.");
  await expect(page.getByTestId("contact-updated-message")).toHaveText(E2E_CONTACT_UPDATED_MESSAGE);
  await expect(page.getByTestId("company-form").getByLabel("Address line 1")).toHaveValue("12 quai Saint-Vincent");

  // 3. Billing e-mail: asking for a new address changes nothing yet.
  await expect(page.getByTestId("billing-email-current")).toContainText("factures@lumiere.example");
  const billing = page.getByTestId("billing-email-form");
  await billing.getByLabel("New billing address").fill(NEW_BILLING);
  await billing.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByTestId("billing-email-sent")).toContainText(`Confirmation link sent to ${NEW_BILLING}`);
  await expect(page.getByTestId("billing-email-pending")).toContainText(NEW_BILLING);
  await expect(page.getByTestId("billing-email-current")).toContainText("factures@lumiere.example");
  await screenshots(page, "settings");

  // 4. The admin reads both e-mails in the outbox: the link went to the new address; the current
  // address was told, without any link that could confirm the change.
  const adminContext = await browser.newContext({ locale: "en-US" });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@comptoir.example");
  await admin.goto("/staff/outbox");
  await admin.getByTestId("outbox-row").filter({ hasText: "factures@lumiere.example" }).first().getByRole("link").click();
  const notice = await admin.getByTestId("email-text").textContent();
  expect(notice).toContain(`to go to ${NEW_BILLING}`);
  expect(notice).not.toContain("/billing-email/confirm/");
  await admin.goto("/staff/outbox");
  await admin.getByTestId("outbox-row").filter({ hasText: NEW_BILLING }).getByRole("link").click();
  await expect(admin.getByTestId("email-to")).toHaveText(NEW_BILLING);
  const text = await admin.getByTestId("email-text").textContent();
  const link = text?.match(/https?:\/\/\S+\/billing-email\/confirm\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  await adminContext.close();

  // 5. Someone at the new mailbox opens the link, signed out, and confirms.
  const mailbox = await browser.newContext({ locale: "en-US" });
  const reader = await mailbox.newPage();
  await reader.goto(link ?? "");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Confirm the billing address");
  await expect(reader.getByTestId("confirm-billing-email-form")).toContainText(`Atelier Lumière SAS asked for ${NEW_BILLING}`);
  await screenshots(reader, "confirm");
  await reader.getByRole("button", { name: "Confirm this address" }).click();
  await expect(reader.getByTestId("billing-email-confirmed")).toHaveText(`Done: ${NEW_BILLING} now receives the invoices of Atelier Lumière SAS.`);
  await reader.goto(link ?? "");
  await expect(reader.getByTestId("link-problem")).toHaveText("This link has already been used. Sign in, or ask for a new link.");
  await mailbox.close();
  await page.reload();
  await expect(page.getByTestId("billing-email-current")).toContainText(NEW_BILLING);
  await expect(page.getByTestId("billing-email-pending")).toHaveCount(0);

  // 6. Password: another device is signed in too. A wrong current password is refused next to it;
  // the right one changes it, this browser stays signed in, the other device is signed out.
  const otherContext = await browser.newContext({ locale: "en-US" });
  const other = await otherContext.newPage();
  await signIn(other, E2E_SELF_SERVICE_OWNER);
  const password = page.getByTestId("password-form");
  await password.getByLabel("Current password").fill("not my password at all");
  await password.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await password.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-currentPassword")).toHaveText("This is not your current password.");
  await page.getByTestId("password-form").getByLabel("Current password").fill(PASSWORD);
  await page.getByTestId("password-form").getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByTestId("password-form").getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByTestId("password-form").getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toHaveText("Password changed. You stay signed in here; every other device was signed out.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await other.goto("/portal/settings");
  await expect(other).toHaveURL(/\/signin/);
  await signIn(other, E2E_SELF_SERVICE_OWNER, NEW_PASSWORD);
  await otherContext.close();

  // 7. Sites: each site with its subscriptions, then those on no site.
  await page.goto("/portal/sites");
  const groups = page.getByTestId("site-group");
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0).getByRole("heading")).toHaveText("Workshop — Lyon");
  await expect(groups.nth(0).getByTestId("site-subscription")).toContainText("Dedicated server — workshop");
  await expect(groups.nth(1).getByRole("heading")).toHaveText("Not attached to a site");
  await expect(groups.nth(1).getByTestId("site-subscription")).toContainText("Dedicated server — backups");
  await screenshots(page, "sites");
});

test("a member sees the company and billing address but is sent to the owner to change them", async ({ page }) => {
  await signIn(page, E2E_SELF_SERVICE_MEMBER);
  await page.goto("/portal/settings");
  await expect(page.getByTestId("company-facts")).toContainText("Atelier Lumière SAS");
  await expect(page.getByTestId("company-form")).toHaveCount(0);
  await expect(page.getByTestId("company-owner-only")).toHaveText("Only your company’s owner can change the address and phone. Ask them.");
  await expect(page.getByTestId("billing-email-form")).toHaveCount(0);
  await expect(page.getByTestId("billing-email-owner-only")).toHaveText("Only your company’s owner can change the billing address. Ask them.");
  await screenshots(page, "member");
});
