import { expect, type Page, test } from "@playwright/test";
import { E2E_ACCESS_EMAIL_HELP, E2E_ACCESS_QUESTION, E2E_ACCESS_SLUG } from "./fixtures/access";
import { PASSWORD, showInLanguage, signIn } from "./support";

/** The first link to `path` in the text of the newest outbox e-mail to `to` whose subject contains `subject`. */
async function linkFromOutbox(admin: Page, to: string, subject: string, path: RegExp): Promise<string> {
  await admin.goto("/staff/outbox");
  await admin.getByTestId("outbox-row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expect(admin.getByTestId("email-to")).toHaveText(to);
  const text = (await admin.getByTestId("email-text").textContent()) ?? "";
  const link = text.match(path)?.[0];
  if (!link) throw new Error(`no link in: ${text}`);
  return link;
}

test("a representative requests access on the public form, billing approves, and the invitee lands signed in on the portal", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const email = `rep-${stamp}@reseller.example`;
  const company = `Reseller ${stamp} LLC`;
  const adminContext = await browser.newContext({ locale: "en-US" });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@comptoir.example");

  // 1. The public link shows the group's terms; the box must be ticked to start.
  const visitorContext = await browser.newContext({ locale: "en-US" });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/access/${E2E_ACCESS_SLUG}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Request access to the billing portal");
  await expect(visitor.getByTestId("access-step-message")).toHaveText("Partner resellers accept the reseller terms below.");
  await expect(visitor.getByTestId("access-terms")).toContainText("Resellers pay their invoices within 30 days.");
  await visitor.getByRole("button", { name: "Start my request" }).click();
  await expect(visitor.getByTestId("error-acceptTerms")).toHaveText("Tick the box to accept the terms.");
  await visitor.getByLabel("I have read and accept the terms and conditions").check();
  await visitor.getByRole("button", { name: "Start my request" }).click();

  // 2. Contact information, with the group's e-mail help link; the resume link is e-mailed.
  await expect(visitor).toHaveURL(/\/access\/r\/[\w-]+\?tab=contact$/);
  await expect(visitor.getByTestId("access-tab-terms")).toContainText("complete");
  await expect(visitor.getByTestId("email-help-link")).toHaveAttribute("href", E2E_ACCESS_EMAIL_HELP);
  await visitor.getByLabel("Your name").fill("Rosa Reseller");
  await visitor.getByLabel("Your e-mail address").fill(email);
  await visitor.getByLabel("Your phone number").fill("+1 555 010 2030");
  await visitor.getByRole("button", { name: "Save this step" }).click();
  await expect(visitor.getByTestId("access-saved")).toHaveText(`Saved. We sent the link to continue your request to ${email}.`);
  await visitorContext.close();

  // 3. Later, from the e-mailed link, in another browser: the company, a wrong tax ID first.
  const resume = await linkFromOutbox(admin, email, "access request", /https?:\/\/\S+\/access\/r\/[\w-]+/);
  const laterContext = await browser.newContext({ locale: "en-US" });
  const later = await laterContext.newPage();
  await later.goto(`${resume}?tab=company`);
  await expect(later.getByTestId("access-tab-contact")).toContainText("complete");
  await expect(later.getByTestId("access-step-message")).toHaveText("Give the employer number of the company you represent.");
  await later.getByLabel("Company name").fill(company);
  await later.getByLabel("Tax ID").fill("123-45-6789");
  await later.getByRole("button", { name: "Save this step" }).click();
  await expect(later.getByTestId("error-taxId")).toHaveText("Enter 9 digits as an employer number: nn-nnnnnnn.");
  await expect(later.getByLabel("Company name")).toHaveValue(company);
  await later.getByLabel("Tax ID").fill("12-3456789");
  await later.getByRole("button", { name: "Save this step" }).click();
  await expect(later).toHaveURL(/tab=questions/);

  // 4. The status says incomplete until the required question is answered; then complete, and it is sent.
  await later.getByTestId("access-tab-status").click();
  await expect(later.getByTestId("access-status-message")).toHaveText("Your reseller request is not complete yet.");
  await later.getByTestId("access-tab-questions").click();
  await later.getByLabel(E2E_ACCESS_QUESTION).fill("Twelve, in two data centres");
  await later.getByRole("button", { name: "Save this step" }).click();
  await expect(later.getByTestId("access-status-message")).toHaveText("Your reseller request is complete: send it to us.");
  await later.getByTestId("access-submit").click();
  await expect(later.getByTestId("confirm-summary")).toHaveText(`Send your request for ${company}? You will not be able to change it afterwards.`);
  await later.getByTestId("confirm-submit").click();
  await expect(later.getByTestId("access-submitted")).toBeVisible();
  await laterContext.close();

  // 5. Billing staff see it waiting, with no matching company, and approve it.
  const staffContext = await browser.newContext({ locale: "en-US" });
  const billing = await staffContext.newPage();
  await showInLanguage(billing, "en", baseURL); // the demo billing user reads French by default
  await signIn(billing, "billing@comptoir.example");
  await billing.goto("/staff/access-requests");
  const row = billing.getByTestId("access-request-row").filter({ hasText: company });
  await expect(row).toContainText("12-3456789");
  await expect(row).toContainText("None: a new company");
  await row.getByRole("link", { name: company }).click();
  await expect(billing.getByTestId("access-request-details")).toContainText("Version 1");
  await expect(billing.getByText("Twelve, in two data centres")).toBeVisible();
  await billing.getByTestId("access-approve").click();
  await expect(billing.getByTestId("confirm-summary").first()).toHaveText(`A new company ${company} is created in the group Partner resellers, and an invitation goes to ${email}. Approve?`);
  await billing.getByTestId("confirm-submit").first().click();
  await expect(billing.getByTestId("access-decided")).toHaveText(`Approved: an invitation was sent to ${email}.`);
  await staffContext.close();

  // 6. The invitation link sets a password and signs the new owner in on the portal.
  const invitation = await linkFromOutbox(admin, email, "invites you", /https?:\/\/\S+\/invitation\?token=[\w-]+/);
  await adminContext.close();
  const inviteeContext = await browser.newContext({ locale: "en-US" });
  const invitee = await inviteeContext.newPage();
  await invitee.goto(invitation);
  await expect(invitee.getByRole("heading", { name: `Join ${company}` })).toBeVisible();
  await invitee.locator("#name").fill("Rosa Reseller");
  await invitee.locator("#password").fill(PASSWORD);
  await invitee.locator("#confirm").fill(PASSWORD);
  await invitee.getByTestId("accept-invitation-form").locator("button[type=submit]").click();
  await expect(invitee).toHaveURL(/\/portal$/);
  await expect(invitee.getByTestId("portal-title")).toHaveText("Welcome, Rosa Reseller");
  await inviteeContext.close();
});

/** A representative fills and sends a whole request in one sitting; returns its resume link. */
async function sendRequest(page: Page, email: string, company: string): Promise<string> {
  await page.goto(`/access/${E2E_ACCESS_SLUG}`);
  await page.getByLabel("I have read and accept the terms and conditions").check();
  await page.getByRole("button", { name: "Start my request" }).click();
  await expect(page).toHaveURL(/tab=contact$/);
  const resume = new URL(page.url()).pathname;
  await page.getByLabel("Your name").fill("Rémi Refus");
  await page.getByLabel("Your e-mail address").fill(email);
  await page.getByLabel("Your phone number").fill("+33 1 98 76 54 32");
  await page.getByRole("button", { name: "Save this step" }).click();
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel("Tax ID").fill("45-6789012");
  await page.getByRole("button", { name: "Save this step" }).click();
  await page.getByLabel(E2E_ACCESS_QUESTION).fill("One");
  await page.getByRole("button", { name: "Save this step" }).click();
  await page.getByTestId("access-submit").click();
  await page.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("access-submitted")).toBeVisible();
  return resume;
}

test("billing rejects a request with a reason; the representative's link then says it was not accepted", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const email = `refused-${stamp}@reseller.example`;
  const company = `Refused ${stamp} SARL`;
  const visitor = await (await browser.newContext({ locale: "en-US" })).newPage();
  const resume = await sendRequest(visitor, email, company);

  const billing = await (await browser.newContext({ locale: "en-US" })).newPage();
  await showInLanguage(billing, "en", baseURL);
  await signIn(billing, "billing@comptoir.example");
  await billing.goto("/staff/access-requests");
  await billing.getByTestId("access-request-row").filter({ hasText: company }).getByRole("link", { name: company }).click();
  await billing.getByLabel("Reason (sent to the representative)").fill("We could not find this company in our records.");
  await billing.getByTestId("access-reject").click();
  await expect(billing.getByTestId("confirm-summary").last()).toHaveText(`Reject the request from ${company}? The reason is e-mailed to ${email}.`);
  await billing.getByTestId("confirm-submit").last().click();
  await expect(billing.getByTestId("access-decided")).toHaveText(`Rejected: the reason was e-mailed to ${email}.`);
  await expect(billing.getByTestId("access-request-details")).toContainText("We could not find this company in our records.");

  await visitor.goto(resume);
  await expect(visitor.getByTestId("access-status")).toContainText("Your request was not accepted.");
});

test("a group's unknown link says so clearly", async ({ page }) => {
  await page.goto("/access/no-such-group");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not lead to an access request");
  await expect(page.getByTestId("access-unknown")).toBeVisible();
});
