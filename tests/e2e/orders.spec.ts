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
  await expect(page.getByTestId("order-decided")).toContainText(/F\d{4}-\d{6}/);
  const number = (await page.getByTestId("order-decided").textContent())?.match(/F\d{4}-\d{6}/)?.[0] ?? "";

  await page.goto("/portal/subscriptions");
  await expect(page.getByTestId("subscription-row")).toHaveCount(before + 1);
  await expect(page.getByTestId("subscription-row").filter({ hasText: "Certificado SSL" })).toContainText("Activa");

  await page.goto(`/portal/invoices?q=${number}`);
  await page.getByTestId("invoice-row").getByRole("link", { name: number }).click();
  await expect(page.getByTestId("line-period")).toHaveCount(1);
});
