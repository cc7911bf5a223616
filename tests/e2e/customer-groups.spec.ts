import { expect, test } from "@playwright/test";
import { showInLanguage, signIn } from "./support";

// Issue 15: billing staff set a group's renewal and dunning policy in its Billing tab; each mistake
// is said next to its field, keeps what was typed and saves nothing.
test("billing staff create a group and set its billing rules, with errors next to their fields", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/groups");
  const create = page.getByTestId("create-group-form");
  await create.getByLabel("Name").fill("Clients France");
  await create.getByRole("button", { name: "Create group" }).click();
  await expect(create.getByLabel("Name")).toHaveAccessibleDescription("Another group already has this name.");
  const name = `Resellers ${Date.now()}`;
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("policy-schedule")).toContainText("D−15");

  const form = page.getByTestId("group-billing-form");
  const lead = form.getByLabel("Issue the renewal invoice (days before D)");
  const reminders = form.getByLabel("Send reminders (days before D)");
  const suspend = form.getByLabel("Suspend its services (days after D)");
  const terminate = form.getByLabel("Terminate its services (days after D)");
  await expect(form.getByLabel("Allow staff to change a service's status by hand")).toBeDisabled();

  await lead.fill("30");
  await reminders.fill("20, 40");
  await suspend.fill("two");
  await terminate.fill("1");
  await form.getByRole("button", { name: "Save billing rules" }).click();
  await expect(suspend).toHaveAccessibleDescription(/Enter a whole number of days/);
  await expect(suspend).toHaveValue("two");
  // Once each day is a number, the rules are checked together: each problem on its own field.
  await suspend.fill("3");
  await form.getByRole("button", { name: "Save billing rules" }).click();
  await expect(reminders).toHaveAccessibleDescription(/must come after the invoice is issued/);
  await expect(terminate).toHaveAccessibleDescription(/Termination must come after suspension/);
  await expect(reminders).toHaveValue("20, 40");
  await expect(page.getByTestId("form-error")).toContainText("2");
  await page.reload();
  await expect(page.getByTestId("policy-schedule")).toContainText("D−15");

  await form.getByLabel("Issue the renewal invoice (days before D)").fill("30");
  await form.getByLabel("Send reminders (days before D)").fill("20, 7");
  await form.getByLabel("Suspend its services (days after D)").fill("3");
  await form.getByLabel("Terminate its services (days after D)").fill("30");
  await form.getByLabel("Public holidays of (country)").fill("de");
  await form.getByLabel("Region (optional)").fill("BY");
  await form.getByRole("button", { name: "Save billing rules" }).click();
  await expect(page.getByTestId("group-billing-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("policy-schedule")).toContainText("D−30");
  await expect(page.getByTestId("policy-schedule")).toContainText("D+30");
  await expect(form.getByLabel("Send reminders (days before D)")).toHaveValue("20, 7");
  await expect(form.getByLabel("Public holidays of (country)")).toHaveValue("DE");
  await page.goto("/staff/groups");
  await expect(page.getByTestId("group-row").filter({ hasText: name })).toContainText("30 days before");
});
