import { expect, test } from "@playwright/test";
import { fixture, showInLanguage, signIn } from "./support";

const dupont = () => {
  const { customers, documents } = fixture();
  const id = customers.find((c) => c.legalName.startsWith("Boulangerie"))?.id;
  const own = documents.find((d) => d.customerId === id);
  const other = documents.find((d) => d.customerId !== id);
  if (!own || !other) throw new Error("fixture documents missing");
  return { own, other };
};

// What a customer may see on a timeline: never the open/click evidence nor delivery details.
const CUSTOMER_KINDS = [
  "ISSUED",
  "EMAILED",
  "REMINDER_SENT",
  "PAYMENT_RECORDED",
  "CREDITED",
  "VOIDED",
  "SUSPENDED",
  "REINSTATED",
  "TERMINATED",
];

test("billing staff read an invoice's timeline and e-mails, then a subscription's page from the customer's", async ({
  page,
  baseURL,
}) => {
  const { own } = dupont();
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto(`/staff/invoices/${own.invoiceId}`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const entries = page.getByTestId("timeline-entry");
  await expect(entries.first()).toHaveAttribute("data-kind", "ISSUED");
  await expect(entries.first()).toContainText("Invoice issued");
  await expect(page.getByRole("heading", { name: "E-mails" })).toBeVisible();

  await page.goto(`/staff/customers/${own.customerId}`);
  const link = page.getByTestId("subscription-row").first().getByRole("link");
  const name = (await link.textContent()) ?? "";
  await link.click();
  await expect(page).toHaveURL(/\/staff\/subscriptions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("subscription-period")).toContainText("–");
  await expect(page.getByTestId("timeline-entry").first()).toHaveAttribute("data-kind", "CREATED");
});

test("a customer reads their invoice's timeline, without the tracking, and not another company's", async ({
  page,
  baseURL,
}) => {
  const { own, other } = dupont();
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "claire@dupont.example");
  await page.goto(`/portal/invoices/${own.invoiceId}`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const entries = page.getByTestId("timeline-entry");
  await expect(entries.first()).toHaveAttribute("data-kind", "ISSUED");
  for (const kind of await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind"))))
    expect(CUSTOMER_KINDS).toContain(kind);
  await expect(page.getByText("billing run")).toHaveCount(0);

  const stranger = await page.goto(`/portal/invoices/${other.invoiceId}`);
  expect(stranger?.status()).toBe(404);
  await expect(page.getByTestId("timeline")).toHaveCount(0);
});

test("a forged tracking link is a 404 page, never a redirect", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  const forged = await page.goto("/e/c/eyJhIjoxfQ.AAAA");
  expect(forged?.status()).toBe(404);
  expect(page.url()).toMatch(/\/e\/c\/eyJhIjoxfQ\.AAAA$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const pixel = await page.request.get("/e/o/eyJhIjoxfQ.AAAA.gif");
  expect(pixel.status()).toBe(404);
});
