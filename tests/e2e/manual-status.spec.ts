import { expect, type Page, test } from "@playwright/test";
import { DEMO_STAFF } from "@/server/demo/seed-demo-data";
import { fixture, showInLanguage, signIn } from "./support";

// Issue 15: a service's status follows invoices and payments; an administrator may allow changes by
// hand for a customer group, and then staff change it with a reason, after a confirmation.
const dialog = (page: Page) => page.locator("dialog[open]");

async function setManualChanges(page: Page, group: string, on: boolean) {
  await page.goto("/staff/groups");
  await page.getByTestId("group-row").filter({ hasText: group }).getByRole("link").click();
  const box = page.getByTestId("group-billing-form").getByLabel("Allow staff to change a service's status by hand");
  await expect(box).toBeEnabled();
  await box.setChecked(on);
  await page.getByTestId("group-billing-form").getByRole("button", { name: "Save billing rules" }).click();
  await expect(page.getByTestId("group-billing-saved")).toBeVisible();
}

test("an administrator allows changes by hand for a group; a service is then suspended and reinstated with a reason", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const { customers, documents } = fixture();
  const solymar = customers.find((c) => c.legalName.startsWith("Hostal"))?.id;
  const subscriptionId = documents.find((d) => d.customerId === solymar)?.subscriptionId;
  if (!subscriptionId) throw new Error("no fixture subscription for Sol y Mar");
  await showInLanguage(page, "en", baseURL);
  await signIn(page, DEMO_STAFF[0].email);

  await page.goto(`/staff/subscriptions/${subscriptionId}`);
  await expect(page.getByText("An administrator can allow changes by hand")).toBeVisible();
  await expect(page.getByTestId("manual-status-form")).toHaveCount(0);

  await setManualChanges(page, "Clientes España", true);
  await page.goto(`/staff/subscriptions/${subscriptionId}`);
  const form = page.getByTestId("manual-status-form");
  const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await form.getByLabel("Change", { exact: true }).selectOption("suspend");
  // No reason: the browser asks for one before anything is confirmed.
  await page.getByTestId("manual-status").click();
  await expect(dialog(page)).toHaveCount(0);
  await form.getByLabel("Reason", { exact: true }).fill("Abuse report #4711: outgoing spam");
  await page.getByTestId("manual-status").click();
  await expect(dialog(page)).toContainText(`Suspend: ${title}?`);
  await dialog(page).getByRole("button", { name: "Yes, change it" }).click();
  await expect(page.getByTestId("action-ok")).toHaveText(`${title} is now suspended.`);
  await page.reload();
  await expect(page.getByTestId("subscription-status")).toHaveText("Suspended");
  await expect(page.getByTestId("timeline-entry").last()).toHaveAttribute("data-kind", "SUSPENDED");

  await page.getByTestId("manual-status-form").getByLabel("Change", { exact: true }).selectOption("reinstate");
  await page.getByTestId("manual-status-form").getByLabel("Reason", { exact: true }).fill("Customer cleaned the server");
  await page.getByTestId("manual-status").click();
  await dialog(page).getByRole("button", { name: "Yes, change it" }).click();
  await expect(page.getByTestId("action-ok")).toHaveText(`${title} is now active.`);
  await page.reload();
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");

  // Back to the default for the other tests: statuses follow invoices and payments.
  await setManualChanges(page, "Clientes España", false);
});
