import { expect, type Page, test } from "@playwright/test";
import { showInLanguage, signIn } from "./support";

const filterForm = (page: Page, testId: string) => page.getByTestId(testId);
/** Waits for the list, then checks that every row shows `text`. */
const everyRow = async (page: Page, testId: string, text: string) => {
  const rows = page.getByTestId(testId);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText(text);
};
const submit = async (page: Page, testId: string) => {
  await filterForm(page, testId).getByRole("button", { name: "Filter" }).click();
  await page.waitForLoadState("networkidle");
};

// Support staff read these lists too (requireStaff("BILLING", "SUPPORT")). The billing account is not
// used here: staff-2fa.spec.ts, which runs before this file, turns two-factor on for it with a secret
// only that test knows.
test("support staff filter purchase orders, credit notes and payments, and clear the filters", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "support@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });

  // Purchase orders. Other browser tests may decide orders or add documents: no fixed counts here.
  await nav.getByRole("button", { name: "Billing" }).click(); // the ledger lists share one menu
  await nav.getByRole("link", { name: "Orders" }).click();
  await expect(page).toHaveURL(/\/staff\/orders$/);
  await expect(page.getByTestId("order-row").first()).toBeVisible();
  const orders = filterForm(page, "order-filters");
  await orders.getByLabel("Number or customer").fill("sol y mar");
  await submit(page, "order-filters");
  await expect(page).toHaveURL(/q=sol\+y\+mar/);
  await everyRow(page, "order-row", "Hostal Sol y Mar");
  const status = (await page.getByTestId("order-row").first().locator("td").nth(3).textContent())?.trim() ?? "";
  await filterForm(page, "order-filters").getByLabel("Status").selectOption({ label: status });
  await submit(page, "order-filters");
  await expect(page).toHaveURL(/status=[A-Z]+/);
  await expect(filterForm(page, "order-filters").getByLabel("Number or customer")).toHaveValue("sol y mar");
  await everyRow(page, "order-row", "Hostal Sol y Mar");
  await everyRow(page, "order-row", status);
  // Nothing cancels a purchase order yet: this filter finds nothing.
  await filterForm(page, "order-filters").getByLabel("Status").selectOption({ label: "Cancelled" });
  await submit(page, "order-filters");
  await expect(page.getByTestId("filtered-empty")).toContainText("Nothing matches these filters.");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/staff\/orders$/);
  await expect(page.getByTestId("order-row").first()).toBeVisible();

  // Credit notes: a customer's name narrows the list to that customer; dates narrow it further.
  await nav.getByRole("button", { name: "Billing" }).click(); // the ledger lists share one menu
  await nav.getByRole("link", { name: "Credit notes" }).click();
  await page.getByTestId("credit-note-row").getByRole("link", { name: "Boulangerie Dupont SARL" }).first().click();
  await expect(page.getByTestId("customer-chip")).toContainText("Customer: Boulangerie Dupont SARL");
  await everyRow(page, "credit-note-row", "Boulangerie Dupont SARL");
  await filterForm(page, "credit-note-filters").getByLabel("Issued from").fill("2099-01-01");
  await submit(page, "credit-note-filters");
  await expect(page).toHaveURL(/customerId=.*from=2099-01-01|from=2099-01-01.*customerId=/);
  await expect(page.getByTestId("filtered-empty")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/staff\/credit-notes$/);
  await expect(page.getByTestId("credit-note-row").filter({ hasText: "Hostal Sol y Mar" }).first()).toBeVisible();

  // Payments: by method, by reference, by date.
  await nav.getByRole("button", { name: "Billing" }).click(); // the ledger lists share one menu
  await nav.getByRole("link", { name: "Payments" }).click();
  await expect(page.getByTestId("payment-row").first()).toBeVisible();
  const payments = filterForm(page, "payment-filters");
  await payments.getByLabel("Method").selectOption({ label: "Transfer" });
  await payments.getByLabel("Reference, invoice or customer").fill("VIR-0412");
  await submit(page, "payment-filters");
  await expect(page).toHaveURL(/method=TRANSFER/);
  await everyRow(page, "payment-row", "VIR-0412");
  await everyRow(page, "payment-row", "Transfer");
  await filterForm(page, "payment-filters").getByLabel("Method").selectOption({ label: "Cheque" });
  await submit(page, "payment-filters");
  await expect(page.getByTestId("filtered-empty")).toBeVisible();
  // The filters survive a reload: they are in the URL.
  await page.reload();
  await expect(filterForm(page, "payment-filters").getByLabel("Method")).toHaveValue("CHEQUE");
  await expect(filterForm(page, "payment-filters").getByLabel("Reference, invoice or customer")).toHaveValue("VIR-0412");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/staff\/payments$/);
  await expect(page.getByTestId("payment-row").first()).toBeVisible();
});

test("an admin reads the audit log in words, filters it and follows a target", async ({ page, baseURL }) => {
  // A TOTP code is accepted once per 30-second step: an earlier file may have just used this one for
  // the fixture admin. From the next step on, signIn's code (one step ahead) is new.
  test.setTimeout(75_000);
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "admin@comptoir.example");
  await page.getByRole("navigation", { name: "main" }).getByRole("button", { name: "Administration" }).click();
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  const filters = filterForm(page, "audit-filters");
  await filters.getByLabel("Who (e-mail)").fill("billing@comptoir");
  await filters.getByLabel("What").selectOption({ label: "Invoice issued" });
  await submit(page, "audit-filters");
  await expect(page).toHaveURL(/action=invoice\.issued/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText("Invoice issued");
    await expect(row).toContainText("billing@comptoir.example");
  }
  // Newest first, in time order.
  const times = await rows.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect([...times].sort().reverse()).toEqual(times);

  await filterForm(page, "audit-filters").getByLabel("To").fill("2000-01-01");
  await submit(page, "audit-filters");
  await expect(page.getByTestId("filtered-empty")).toBeVisible();
  await page.goBack();
  await rows.first().getByRole("link", { name: /^Invoice / }).click();
  await expect(page).toHaveURL(/\/staff\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("invoice-number")).toBeVisible();
});

test("a customer lists overdue invoices, then clears a filter that finds nothing", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "marc@dupont.example");
  // The home's overdue figure leads to the same filtered list.
  await page.getByRole("link", { name: "See the overdue invoices" }).click();
  await expect(page).toHaveURL(/\/portal\/invoices\?status=OVERDUE$/);
  await expect(page.getByTestId("invoice-filters").getByLabel("Status")).toHaveValue("OVERDUE");
  await page.goto("/portal/invoices");
  await expect(page.getByTestId("invoice-row").first()).toBeVisible();
  const all = await page.getByTestId("invoice-row").count();
  const filters = page.getByTestId("invoice-filters");
  await filters.getByLabel("Status").selectOption({ label: "Overdue" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=OVERDUE/);
  const rows = page.getByTestId("invoice-row");
  await expect(rows.first()).toBeVisible();
  for (const status of await rows.getByTestId("invoice-status").all()) await expect(status).toHaveText("Overdue");

  await page.getByTestId("invoice-filters").getByLabel("Invoice number").fill("NO-SUCH-INVOICE");
  await page.getByTestId("invoice-filters").getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("filtered-empty")).toContainText("Nothing matches these filters.");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/portal\/invoices$/);
  await expect(page.getByTestId("invoice-row")).toHaveCount(all);
});

test("a French customer exports overdue invoices as a CSV their spreadsheet opens as is", async ({ page, baseURL }) => {
  await showInLanguage(page, "fr", baseURL);
  await signIn(page, "marc@dupont.example");
  await page.goto("/portal/invoices?status=OVERDUE&from=2020-01-01&to=2099-12-31");
  await expect(page.getByTestId("invoice-row").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByTestId("invoices-csv").click();
  const file = await download;
  // The file names its period and how many rows it holds.
  expect(file.suggestedFilename()).toMatch(/^invoices_2020-01-01_2099-12-31_\d+-rows?\.csv$/);
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = text.slice(1).trimEnd().split("\r\n");
  expect(header).toBe("Numéro;Émise le;Échéance;Statut;Devise;Total;Reste à payer");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatch(/;En retard;EUR;\d+,\d{2};\d+,\d{2}$/);
  expect(file.suggestedFilename()).toContain(`_${rows.length}-row`);
});
