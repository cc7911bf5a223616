import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a customer accepts a purchase order: the subscription starts and the first invoice is issued", async ({ page }) => {
  await signIn(page, "lucia@solymar.example");
  await page.goto("/portal/subscriptions");
  const before = await page.getByTestId("subscription-row").count();

  await page.goto("/portal/orders");
  await page.getByTestId("order-row").filter({ hasText: "Pendiente de su respuesta" }).getByRole("link").click();
  await expect(page.getByTestId("order-line")).toHaveCount(2);
  await page.getByTestId("order-decision").getByRole("button", { name: "Aceptar el pedido" }).click();
  // The dialog states what accepting does, with the total incl. tax, before anything happens.
  const dialog = page.locator("dialog[open]");
  await expect(dialog.getByTestId("confirm-summary")).toContainText(/¿Aceptar el pedido BC\d{4}-\d{5} por .+ con impuestos\? Las suscripciones comienzan y se emite la primera factura\./);
  await dialog.getByTestId("confirm-submit").click();
  // It says what happened and links the invoice; the page re-renders with the order accepted.
  await expect(page.getByTestId("action-ok")).toContainText(/Pedido BC\d{4}-\d{5} aceptado: .* factura F\d{4}-\d{6}/);
  await expect(page.getByTestId("accepted-invoice-link")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Aceptado");
  await expect(page.getByTestId("order-decision")).toHaveCount(0);
  await page.getByTestId("order-invoice-link").click();
  await expect(page.getByTestId("invoice-number")).toContainText(/F\d{4}-\d{6}/);
  const number = (await page.getByTestId("invoice-number").textContent())?.match(/F\d{4}-\d{6}/)?.[0] ?? "";
  await expect(page.getByTestId("line-period")).toHaveCount(1);

  await page.goto("/portal/subscriptions");
  await expect(page.getByTestId("subscription-row")).toHaveCount(before + 1);
  await expect(page.getByTestId("subscription-row").filter({ hasText: "Certificado SSL" })).toContainText("Activa");

  await page.goto(`/portal/invoices?q=${number}`);
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
});
