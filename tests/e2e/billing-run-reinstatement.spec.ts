import { expect, type Page, test } from "@playwright/test";
import { E2E_SUSPENDED_CUSTOMER } from "./fixtures/totp";
import { showInLanguage, signIn } from "./support";

// Issue 15: billing staff run the day's billing from the back-office and follow it; the customer
// whose renewal is two days overdue (the fixture's Nordlicht) sees the suspension and what to pay;
// the payment brings the service back at once, before any other run.
const dialog = (page: Page) => page.locator("dialog[open]");

test("a billing run started from the back-office suspends an unpaid service; its payment brings it back at once", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/billing-runs");
  const form = page.getByTestId("billing-run-form");

  // A date in the future is refused next to the field, and starts nothing.
  const runsBefore = await page.getByTestId("billing-run-row").count();
  await form.getByLabel("Billing date").fill("2999-01-01");
  await page.getByTestId("start-billing-run").click();
  await expect(dialog(page)).toContainText("This cannot be undone");
  await dialog(page).getByRole("button", { name: "Yes, bill now" }).click();
  await expect(form.getByLabel("Billing date")).toHaveAccessibleDescription(/cannot be dated in the future/);
  await expect(form.getByLabel("Billing date")).toHaveValue("2999-01-01");
  await page.reload();
  await expect(page.getByTestId("billing-run-row")).toHaveCount(runsBefore);

  // Today's run, confirmed, opens its page, which follows it to the end.
  const today = await page.getByTestId("billing-run-form").getByLabel("Billing date").inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId("start-billing-run").click();
  await dialog(page).getByRole("button", { name: "Yes, bill now" }).click();
  await expect(page).toHaveURL(/\/staff\/billing-runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status")).toHaveText("Finished", { timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("count-suspensions")).toHaveText("1");
  await expect(page.getByTestId("count-errors")).toHaveText("0");
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: "test-results/billing-run-1280.png", fullPage: true });

  // The customer sees which service is suspended and exactly what to pay.
  const customer = await browser.newPage();
  await showInLanguage(customer, "en", baseURL);
  await signIn(customer, E2E_SUSPENDED_CUSTOMER);
  const banner = customer.getByTestId("suspended-banner");
  await expect(banner).toContainText("Some of your services are suspended");
  await expect(banner).toContainText("Dedicated server — Hamburg HH1");
  await expect(banner).toContainText("€105.91");
  await customer.goto("/portal/subscriptions");
  await expect(customer.getByTestId("subscription-row").filter({ hasText: "Hamburg HH1" })).toContainText("Suspended");
  const invoiceHref = await banner.getByRole("link").getAttribute("href");
  const invoiceId = invoiceHref?.split("/").pop() ?? "";

  // Billing staff record the payment; the service is back before any run.
  await page.goto(`/staff/invoices/${invoiceId}`);
  const pay = page.getByTestId("payment-form");
  await pay.getByLabel("Amount").fill("105,91");
  await page.getByTestId("record-payment").click();
  await dialog(page).getByRole("button", { name: "Record the payment" }).click();
  await expect(page.getByTestId("action-ok")).toHaveText("Payment recorded: the invoice is paid in full. 1 suspended service is active again.");
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");

  await customer.reload();
  await expect(customer.getByTestId("suspended-banner")).toHaveCount(0);
  await expect(customer.getByTestId("subscription-row").filter({ hasText: "Hamburg HH1" })).toContainText("Active");
});

test("the preview shows the coming weeks as a chart and per customer, changing nothing", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/billing-runs");
  await page.getByRole("link", { name: "Preview the coming days" }).click();
  await page.getByTestId("preview-form").getByLabel("Days ahead").fill("60");
  await page.getByTestId("preview-form").getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/days=60/);
  await expect(page.getByTestId("preview-summary")).toContainText(/\d+ renewal invoices?/);
  await expect(page.getByTestId("preview-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("preview-row").filter({ hasText: "Renewal invoice" }).first()).toBeVisible();
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: "test-results/billing-preview-1280.png", fullPage: true });
});
