import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a customer finds an invoice, sees the service period of every line and downloads its PDF", async ({ page }) => {
  await signIn(page, "marc@dupont.example");
  await expect(page.getByTestId("amount-overdue")).toBeVisible();
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Factures" }).click();
  await expect(page.getByTestId("invoice-row")).toHaveCount(3);

  await page.locator("select[name=status]").selectOption("PAID");
  await page.getByTestId("invoice-filters").locator("button[type=submit]").click();
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
  await page.getByTestId("invoice-row").getByRole("link").click();

  await expect(page.getByTestId("invoice-number")).toContainText(/F\d{4}-\d{6}/);
  const lines = page.getByTestId("invoice-line");
  await expect(lines).toHaveCount(3);
  for (const line of await lines.all()) {
    await expect(line.getByTestId("line-period")).toHaveText(/Période de service : \d{1,2} \S+ \d{4} – \d{1,2} \S+ \d{4}/);
  }
  await expect(page.getByTestId("invoice-status")).toHaveText("Payée");

  const download = page.waitForEvent("download");
  await page.getByTestId("invoice-pdf-link").click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^F\d{4}-\d{6}\.pdf$/);
  const stream = await pdf.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
});

test("billing issues a credit note on an invoice and the customer sees it in the portal", async ({ browser }) => {
  const staffContext = await browser.newContext({ locale: "en-US" });
  const billing = await staffContext.newPage();
  await signIn(billing, "billing@comptoir.example");
  await billing.goto("/staff/invoices?status=OPEN");
  const row = billing.getByTestId("invoice-row").filter({ hasText: "Hostal Sol y Mar" }).first();
  const number = (await row.getByRole("link").textContent())?.trim() ?? "";
  await row.getByRole("link").click();
  await billing.locator("#credit-mode").selectOption("amount");
  await billing.locator("#credit-amount").fill("10,00");
  await billing.locator("#credit-reason").fill("Compensación por corte de servicio");
  await billing.getByTestId("credit-note-submit").click();
  await expect(billing.getByTestId("confirm-summary").filter({ visible: true })).toContainText("10,00");
  await billing.getByTestId("confirm-submit").filter({ visible: true }).click();
  await expect(billing.getByTestId("credit-note-form").getByTestId("action-ok")).toContainText(/AV\d{4}-\d{6}/);
  const creditNumber = (await billing.getByTestId("credit-note-form").getByTestId("action-ok").textContent())?.match(/AV\d{4}-\d{6}/)?.[0] ?? "";
  await staffContext.close();

  const customerContext = await browser.newContext({ locale: "es-ES" });
  const customer = await customerContext.newPage();
  await signIn(customer, "lucia@solymar.example");
  await customer.goto("/portal/credit-notes");
  const noteRow = customer.getByTestId("credit-note-row").filter({ hasText: creditNumber });
  await expect(noteRow).toContainText("Compensación por corte de servicio");
  await expect(noteRow).toContainText(number);
  await noteRow.getByRole("link", { name: number }).click();
  await expect(customer.getByTestId("linked-credit-note").filter({ hasText: creditNumber })).toBeVisible();
  await customerContext.close();
});
