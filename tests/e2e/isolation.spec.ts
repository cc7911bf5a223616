import { expect, test } from "@playwright/test";
import { fixture, signIn, userId } from "./support";

test("a customer user sees their colleagues but gets a 404 for another company's user", async ({ page }) => {
  await signIn(page, "lucia@solymar.example");
  const colleague = await page.goto(`/portal/team/${userId("john@solymar.example")}`);
  expect(colleague?.status()).toBe(200);
  await expect(page.getByTestId("member-email")).toHaveText("john@solymar.example");

  const stranger = await page.goto(`/portal/team/${userId("marc@dupont.example")}`);
  expect(stranger?.status()).toBe(404);
  await expect(page.getByText("marc@dupont.example")).toHaveCount(0);

  const staffPage = await page.goto("/staff/customers");
  expect(page.url()).toMatch(/\/portal$/);
  expect(staffPage?.status()).toBe(200);
});

test("every portal route answers 404 for another company's documents, and 200 for the caller's own", async ({ page }) => {
  await signIn(page, "claire@dupont.example");
  const { customers, documents } = fixture();
  const dupont = customers.find((c) => c.legalName.startsWith("Boulangerie"))?.id;
  const own = documents.find((d) => d.customerId === dupont);
  const other = documents.find((d) => d.customerId !== dupont);
  if (!own || !other) throw new Error("fixture documents missing");
  const routes = (d: typeof own) => [
    `/portal/invoices/${d.invoiceId}`,
    `/portal/invoices/${d.invoiceId}/pdf`,
    `/portal/credit-notes/${d.creditNoteId}`,
    `/portal/credit-notes/${d.creditNoteId}/pdf`,
    `/portal/orders/${d.orderId}`,
    `/portal/orders/${d.orderId}/pdf`,
  ];
  for (const route of routes(own)) expect((await page.request.get(route)).status(), route).toBe(200);
  for (const route of routes(other)) expect((await page.request.get(route)).status(), route).toBe(404);
});
