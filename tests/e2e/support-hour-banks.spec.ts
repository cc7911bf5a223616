import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_SUPPORT_COMPANY, E2E_SUPPORT_CUSTOMER, E2E_SUPPORT_TECHNICIAN, E2E_SUPPORT_TICKET_SUBJECT } from "./fixtures/totp";
import { showInLanguage, signIn } from "./support";

// Issue 18: billing staff sell a company 10 prepaid support hours with the form (the price it will
// invoice shown first, then confirmed), a support technician logs time on the company's open ticket,
// and the customer sees the balance go down on the portal's Support page and its chart.

async function signInPatiently(page: Page, email: string) {
  await signIn(page, email).catch(() => expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 }));
}

/** No serious or critical axe violation on the page as it stands (forms filled, chart drawn). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function customerSupportPage(page: Page) {
  await page.goto(`/staff/customers?q=${encodeURIComponent(E2E_SUPPORT_COMPANY)}`);
  await page.getByRole("link", { name: E2E_SUPPORT_COMPANY }).first().click();
  await page.getByTestId("customer-support-link").click();
  await expect(page.getByTestId("support-title")).toHaveText(`Support hours — ${E2E_SUPPORT_COMPANY}`);
}

test("billing sells a bank, a technician logs time, the customer sees the balance go down", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);

  // The customer first: no bank yet, so support is pay as you go at the catalogue's hourly rate.
  const customer = await (await browser.newContext()).newPage();
  await showInLanguage(customer, "en", baseURL);
  await signInPatiently(customer, E2E_SUPPORT_CUSTOMER);
  await customer.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Support", exact: true }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Support");
  await expect(customer.getByTestId("pay-as-you-go")).toHaveText("You have no prepaid hour bank: support is pay as you go, time billed at €120.00/h on your next invoice.");
  await expect(customer.getByText("No intervention yet.")).toBeVisible();

  // Billing staff buy 10 hours: the form shows the tier's price before anything is invoiced.
  const billing = await (await browser.newContext()).newPage();
  await showInLanguage(billing, "en", baseURL);
  await signInPatiently(billing, "billing@comptoir.example");
  await customerSupportPage(billing);
  await expect(billing.getByTestId("balance-bought")).toHaveText("0 min");
  const buy = billing.getByTestId("buy-hours-form");
  await buy.getByLabel("Hours").fill("3");
  await expect(buy.getByTestId("bank-price")).toHaveText("Invoiced: 3 h at €110.00/h = €330.00 excl. tax, due in 30 days.");
  await buy.getByLabel("Hours").fill("10");
  await expect(buy.getByTestId("bank-price")).toHaveText("Invoiced: 10 h at €95.00/h = €950.00 excl. tax, due in 30 days.");
  await buy.getByTestId("buy-hours").click();
  await expect(billing.locator("dialog[open]").getByTestId("confirm-summary")).toHaveText(`Invoice ${E2E_SUPPORT_COMPANY} €950.00 excl. tax for 10 h of support, due in 30 days? A bank is non-refundable.`);
  await billing.locator("dialog[open]").getByTestId("confirm-submit").click();
  await expect(billing.getByTestId("hours-bought")).toContainText(/Invoice F\d{4}-\d{6} issued for 10 h/);
  await expect(billing.getByTestId("balance-bought")).toHaveText("10 h");
  await expect(billing.getByTestId("balance-left")).toHaveText("10 h");
  await expect(billing.getByTestId("bank-row")).toHaveCount(1);
  const invoiceNumber = (await billing.getByTestId("bank-row").getByRole("link").textContent())?.trim() ?? "";
  expect(invoiceNumber).toMatch(/^F\d{4}-\d{6}$/);

  // A support technician opens the ticket from the queue and logs 100 minutes on the phone there:
  // charged 1 h 45 (15-minute steps with a bank).
  const tech = await (await browser.newContext()).newPage();
  await showInLanguage(tech, "en", baseURL);
  await signInPatiently(tech, E2E_SUPPORT_TECHNICIAN);
  await tech.getByRole("button", { name: "Support" }).click();
  await tech.getByRole("link", { name: "Ticket queue" }).click();
  await tech.getByTestId("queue-row").filter({ hasText: E2E_SUPPORT_TICKET_SUBJECT }).getByRole("link").click();
  await expect(tech.getByRole("heading", { name: new RegExp(E2E_SUPPORT_TICKET_SUBJECT) })).toBeVisible();
  await expect(tech.getByTestId("balance-left")).toHaveText("10 h");
  const entry = tech.getByTestId("time-entry-form");
  await expect(entry.getByLabel("Ticket")).toContainText(E2E_SUPPORT_TICKET_SUBJECT);
  await entry.getByLabel("Time spent (minutes)").fill("");
  await entry.getByTestId("log-time").click();
  expect(await entry.getByLabel("Time spent (minutes)").evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  await expect(entry.getByTestId("time-logged")).toHaveCount(0);
  await entry.getByLabel("Time spent (minutes)").fill("100");
  await entry.getByLabel("Channel").selectOption({ label: "Phone" });
  await entry.getByLabel("Activity").selectOption({ label: "Support" });
  await entry.getByLabel("Note").fill("Reset the VPN concentrator and renewed its certificate.");
  await entry.getByTestId("log-time").click();
  await expect(entry.getByTestId("time-logged")).toHaveText("Logged: 1 h 45 min charged, 1 h 45 min from the bank, 0 min to bill. The customer was e-mailed.");
  await expect(tech.getByTestId("balance-left")).toHaveText("8 h 15 min");
  await expect(tech.getByTestId("entry-row")).toHaveCount(1);
  await expect(tech.getByTestId("entry-row").getByTestId("entry-charged")).toHaveText("1 h 45 min");
  // The technician sells nothing: no buying form, no billing button.
  await expect(tech.getByTestId("buy-hours-form")).toHaveCount(0);
  await expectAccessible(tech);

  // The customer reloads: the balance went down, on the tiles, the chart's summary and its table.
  await customer.reload();
  await expect(customer.getByTestId("balance-bought")).toHaveText("10 h");
  await expect(customer.getByTestId("balance-used")).toHaveText("1 h 45 min");
  await expect(customer.getByTestId("balance-left")).toHaveText("8 h 15 min");
  const summary = "1.75 h used of 10 h bought; 8.25 h left.";
  await expect(customer.getByTestId("chart-summary")).toHaveText(summary);
  const chart = customer.getByRole("img", { name: summary });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg .recharts-line")).toHaveCount(2);
  await customer.getByText("Hours used and bought, day by day").click();
  await expect(customer.getByTestId("consumption-row")).toHaveCount(1);
  await expect(customer.getByTestId("consumption-row")).toContainText("1.75 h");
  await expect(customer.getByTestId("consumption-row")).toContainText("10 h");
  const row = customer.getByTestId("entry-row");
  await expect(row).toContainText(E2E_SUPPORT_TICKET_SUBJECT);
  await expect(row).toContainText("Tariq Technicien");
  await expect(row.getByTestId("entry-paid-by")).toHaveText("1 h 45 min from the bank");
  await expect(customer.getByTestId("bank-row")).toContainText(invoiceNumber);
  await expect(customer.getByTestId("bank-left")).toHaveText("8 h 15 min");
  await expectAccessible(customer);
  await customer.screenshot({ path: "test-results/support-hour-banks-portal.png", fullPage: true });
});

test("training is never drawn from the bank: billing bills it now, one line on one invoice", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const tech = await (await browser.newContext()).newPage();
  await showInLanguage(tech, "en", baseURL);
  await signInPatiently(tech, E2E_SUPPORT_TECHNICIAN);
  await customerSupportPage(tech);
  const entry = tech.getByTestId("time-entry-form");
  await entry.getByLabel("Time spent (minutes)").fill("25");
  await entry.getByLabel("Activity").selectOption({ label: "Training" });
  await entry.getByTestId("log-time").click();
  await expect(entry.getByTestId("time-logged")).toHaveText("Logged: 30 min charged, 0 min from the bank, 30 min to bill. The customer was e-mailed.");

  const billing = await (await browser.newContext()).newPage();
  await showInLanguage(billing, "en", baseURL);
  await signInPatiently(billing, "billing@comptoir.example");
  await customerSupportPage(billing);
  await expect(billing.getByTestId("unbilled-time")).toHaveText("Not billed yet: 30 min");
  await billing.getByTestId("bill-support-time").click();
  await expect(billing.locator("dialog[open]").getByTestId("confirm-summary")).toHaveText(
    `Issue ${E2E_SUPPORT_COMPANY} an invoice now for the support time no bank covered (30 min), one line per intervention? It is e-mailed to them and cannot be undone.`,
  );
  await billing.locator("dialog[open]").getByTestId("confirm-submit").click();
  await expect(billing.getByTestId("support-billed")).toHaveText("1 invoice issued.");
  await expect(billing.getByTestId("unbilled-time")).toHaveText("Not billed yet: 0 min");
  const training = billing.getByTestId("entry-row").filter({ hasText: "Training" });
  await expect(training.getByTestId("entry-paid-by")).toHaveText(/^30 min billed on F\d{4}-\d{6}$/);
  // Pressed again, there is nothing left to bill.
  await billing.getByTestId("bill-support-time").click();
  await billing.locator("dialog[open]").getByTestId("confirm-submit").click();
  await expect(billing.getByTestId("support-billed")).toHaveText("Nothing to bill: no invoice issued.");
});

test("billing staff set an hour bank's tiers in a currency on the catalogue page", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signInPatiently(page, "billing@comptoir.example");
  await page.goto("/staff/catalogue");
  await page.getByTestId("product-row").filter({ hasText: "Banque d'heures de support" }).getByTestId("bank-tiers-link").click();
  const form = page.getByTestId("tiers-form");
  await form.getByLabel("Currency").selectOption("USD");
  await expect(form.getByTestId("tiers-hourly-rate")).toHaveText("No one-off price in this currency: time outside a bank cannot be billed in it.");
  await form.locator("#tier-0-rate").fill("100");
  await form.getByTestId("add-tier").click();
  await form.locator("#tier-1-from").fill("10");
  await form.locator("#tier-1-rate").fill("120");
  await form.getByTestId("save-tiers").click();
  await expect(page.getByTestId("error-tiers")).toHaveText("A bigger tier cannot have a higher hourly rate.");
  await form.locator("#tier-1-rate").fill("9O");
  await form.getByTestId("save-tiers").click();
  await expect(page.getByTestId("error-tier-1-rate")).toHaveText("Enter an amount such as 12.50.");
  await form.locator("#tier-1-rate").fill("90");
  await form.getByTestId("save-tiers").click();
  await expect(page.getByTestId("tiers-saved")).toHaveText("Tiers saved for USD.");
  await expect(page.getByTestId("tier-line").filter({ hasText: "USD" })).toHaveCount(2);
  await expect(page.getByTestId("tier-line").filter({ hasText: "USD" }).last()).toContainText("$90.00");
});
