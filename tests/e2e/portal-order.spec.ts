import { expect, test } from "@playwright/test";
import { extractPdfText } from "@/server/pdf/extract-pdf-text";
import { fixture, showInLanguage, signIn } from "./support";

const REASON = "We found a cheaper certificate elsewhere.";

test("a customer reads an order with its tax, total incl. tax and validity, downloads its PDF and declines it with a reason", async ({ page, browser, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "claire@dupont.example");
  const { customers, documents } = fixture();
  const dupont = customers.find((c) => c.legalName.startsWith("Boulangerie"))?.id;
  const orderId = documents.find((d) => d.customerId === dupont)?.orderId;
  if (!orderId) throw new Error("fixture order missing");

  // The home page says an order awaits an answer, and links it.
  await expect(page.getByTestId("orders-awaiting")).toContainText(/BC\d{4}-\d{5}/);
  await expect(page.getByTestId("orders-awaiting")).toContainText("€237.60 incl. tax, valid until");
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: "test-results/portal-home-1280.png", fullPage: true });
  await page.getByTestId("orders-awaiting").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/portal/orders/${orderId}$`));

  // SSL certificate 99.00 + setup 99.00, 20 % tax on the rate's summed net.
  await expect(page.getByTestId("order-line")).toHaveCount(2);
  await expect(page.getByTestId("order-tax-lines")).toContainText("20%");
  await expect(page.getByTestId("order-tax")).toHaveText("€39.60");
  await expect(page.getByTestId("order-total")).toHaveText("€237.60");
  await expect(page.getByTestId("order-valid-until")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  // The company-settings spec, which runs earlier, may have changed the payment terms.
  await expect(page.getByTestId("order-terms")).toContainText(/Invoices are payable within \d+ days of their date\./);
  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({ path: "test-results/portal-order-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/portal-order-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  const download = page.waitForEvent("download");
  await page.getByTestId("order-pdf-link").click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^BC\d{4}-\d{5}\.pdf$/);
  const chunks: Buffer[] = [];
  for await (const c of await pdf.createReadStream()) chunks.push(c as Buffer);
  const text = extractPdfText(Buffer.concat(chunks)).join("\n");
  // Documents are written in the company's language (French for this customer), whoever reads them.
  expect(text).toContain("Total TTC");
  expect(text).toMatch(/237,60\s€/);
  expect(text).toMatch(/Factures payables sous \d+ jours/); // the settings spec may have changed the terms

  // Declining needs a reason: without one the confirmation does not even open.
  const decision = page.getByTestId("order-decision");
  await decision.getByTestId("decline-order").click();
  await expect(page.locator("dialog[open]")).toHaveCount(0);
  await decision.getByLabel("Reason for declining").fill(REASON);
  await decision.getByTestId("decline-order").click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog.getByTestId("confirm-summary")).toHaveText(/^Decline order BC\d{4}-\d{5}\? Nothing is ordered or invoiced, and the order can no longer be accepted\.$/);
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: "test-results/portal-order-confirm.png" });
  await dialog.getByTestId("confirm-submit").click();

  await expect(page.getByTestId("action-ok")).toHaveText(/^Order BC\d{4}-\d{5} declined\. Thank you for telling us why\.$/);
  await expect(page.getByTestId("order-status")).toHaveText("Declined");
  await expect(page.getByTestId("order-decision")).toHaveCount(0);
  await expect(page.getByTestId("order-decline-reason")).toHaveText(REASON);
  await page.goto("/portal");
  await expect(page.getByTestId("orders-awaiting")).toHaveCount(0);

  // Staff read the reason on the order.
  const staffContext = await browser.newContext({ locale: "en-US" });
  const billing = await staffContext.newPage();
  await showInLanguage(billing, "en", baseURL);
  await signIn(billing, "billing@comptoir.example");
  await billing.goto(`/staff/orders/${orderId}`);
  await expect(billing.getByTestId("order-status")).toHaveText("Declined");
  await expect(billing.getByTestId("order-decline-reason")).toHaveText(REASON);
  const staffPdf = await billing.request.get(`/staff/orders/${orderId}/pdf`);
  expect(staffPdf.status()).toBe(200);
  expect(staffPdf.headers()["cache-control"]).toContain("no-store");
  if (process.env.E2E_SCREENSHOTS) await billing.screenshot({ path: "test-results/staff-order-1280.png", fullPage: true });
  await staffContext.close();
});
