import { expect, type Page, test } from "@playwright/test";
import { E2E_PAYING_CUSTOMER, E2E_SUSPENDED_PAYER } from "./fixtures/totp";
import { showInLanguage, signIn } from "./support";

// Issue 16, the portal side of online payments with the demo provider (no Stripe keys): paying from
// an invoice, a declined card and a card that asks for authentication, a suspended service coming back
// once paid, and saved methods. Each test has its own fixture customer (seed-e2e.ts): Aurora (one open
// invoice) and Polarlys (a server suspended for an overdue invoice).
const dialog = (page: Page) => page.locator("dialog[open]");

/** Types a card into the demo form as a person would: number, expiry, CVC. */
async function typeCard(page: Page, number: string) {
  const form = page.getByTestId("demo-pay").or(page.getByTestId("demo-setup"));
  await form.getByLabel("Card number").fill(number);
  await form.getByLabel("Expiry").fill("12/30");
  await form.getByLabel("CVC").fill("123");
}

async function shoot(page: Page, name: string, baseURL: string | undefined) {
  if (!process.env.E2E_SCREENSHOTS) return;
  const url = page.url();
  for (const locale of ["en", "fr", "es"] as const) {
    await showInLanguage(page, locale, baseURL);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.goto(url);
      await page.screenshot({ path: `test-results/${name}-${locale}-${width}.png`, fullPage: true });
    }
  }
  await showInLanguage(page, "en", baseURL);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
}

test("a declined card pays nothing and says why; a card that asks for authentication pays once approved", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, E2E_PAYING_CUSTOMER);
  await expect(page.getByTestId("pay-all-due")).toContainText("Pay all due: €58.80");

  await shoot(page, "portal-home-pay", baseURL);

  // "Pay" on the invoice's row opens the payment page: what is paid, and the demo form.
  await page.goto("/portal/invoices");
  await shoot(page, "portal-invoices-pay", baseURL);
  await page.getByTestId("pay-row").first().click();
  await expect(page).toHaveURL(/\/portal\/checkouts\/[0-9a-f-]{36}$/);
  const checkoutUrl = page.url();
  await expect(page.getByTestId("checkout-total")).toHaveText("€58.80");
  const form = page.getByTestId("demo-pay");
  await expect(form).toContainText("Demo payments — no real money");
  await expect(page.getByTestId("demo-test-numbers")).toContainText("4242 4242 4242 4242");
  await shoot(page, "portal-checkout", baseURL);

  // A real-looking card number is refused next to the field; nothing is charged.
  await typeCard(page, "4111 1111 1111 1111");
  await form.getByRole("button", { name: "Pay €58.80" }).click();
  await expect(form.getByLabel("Card number")).toHaveAccessibleDescription(
    "Demo payments accept only the test numbers listed below.",
  );
  await expect(form.getByLabel("Expiry")).toHaveValue("12/30");
  await expect(form.getByLabel("Card number")).toHaveValue("");

  // The declined test card: the reason above the form, which stays for another try.
  await typeCard(page, "4000 0000 0000 0002");
  await form.getByRole("button", { name: "Pay €58.80" }).click();
  await expect(page.getByTestId("checkout-failed")).toHaveText(
    "The payment did not go through: your bank declined the card. Nothing was charged. You can try again below.",
  );
  await expect(page.getByTestId("checkout-invoice-status")).toHaveText("Open");
  await shoot(page, "portal-checkout-declined", baseURL);
  await page.goto("/portal");
  await expect(page.getByTestId("pay-all-due")).toContainText("€58.80");

  // The same invoice again, double-clicked, gets the same checkout; the 3-D Secure card asks the
  // cardholder first.
  await page.goto("/portal/invoices");
  await page.getByTestId("pay-row").first().dblclick();
  await expect(page).toHaveURL(checkoutUrl);
  await typeCard(page, "4000 0025 0000 3155");
  await page.getByTestId("demo-pay").getByRole("button", { name: "Pay €58.80" }).click();
  await expect(page.getByTestId("demo-authentication")).toContainText(
    "Your bank asks you to confirm the payment of €58.80.",
  );
  await shoot(page, "portal-checkout-authentication", baseURL);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("checkout-paid")).toContainText(
    "Paid: €58.80. Receipt sent to billing@aurora.example.",
  );
  await expect(page.getByTestId("checkout-invoice-status")).toHaveText("Paid");
  await expect(page.getByTestId("demo-pay")).toHaveCount(0);
  await shoot(page, "portal-checkout-paid", baseURL);

  await page.getByRole("link", { name: "Back to your invoices" }).click();
  await expect(page.getByTestId("invoice-row").first()).toContainText("Paid");
  await expect(page.getByTestId("pay-row")).toHaveCount(0);
  await expect(page.getByTestId("pay-all-due")).toHaveCount(0);
});

test("a customer whose server is suspended pays the overdue invoice and the server is back at once", async ({
  page,
  baseURL,
}) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, E2E_SUSPENDED_PAYER);
  const banner = page.getByTestId("suspended-banner");
  await expect(banner).toContainText("Dedicated server — Berlin BE2");
  await banner.getByRole("link").click();

  // The invoice page offers both ways: online, and the transfer details with the number as reference.
  await expect(page.getByTestId("invoice-status")).toHaveText("Overdue");
  // The heading reads "Invoice F2026-000008": the number is its last word.
  const number = (await page.getByTestId("invoice-number").textContent())?.trim().split(/\s+/).pop() ?? "";
  expect(number).toMatch(/\d/);
  await expect(page.getByTestId("transfer-details")).toContainText(`Reference${number}`);
  await shoot(page, "portal-invoice-pay", baseURL);
  await page.getByTestId("pay-invoice").click();
  await expect(page).toHaveURL(/\/portal\/checkouts\/[0-9a-f-]{36}$/);

  const form = page.getByTestId("demo-pay");
  await typeCard(page, "4242 4242 4242 4242");
  await form.getByLabel("Save this method for the automatic payment of renewals").check();
  await form.getByRole("button", { name: "Pay €105.91" }).click();
  await expect(page.getByTestId("checkout-paid")).toContainText(
    "Paid: €105.91. Receipt sent to faktura@polarlys.example. The method is saved for your renewals.",
  );

  await page.reload();
  await expect(page.getByTestId("suspended-banner")).toHaveCount(0);
  await page.goto("/portal/subscriptions");
  await expect(page.getByTestId("subscription-row").filter({ hasText: "Berlin BE2" })).toContainText(
    "Active",
  );
  await page.goto("/portal/payment-methods");
  await expect(page.getByTestId("saved-method")).toContainText("Visa •••• 4242");
  await expect(page.getByTestId("default-method")).toContainText(
    "Pays renewals automatically on their due date.",
  );
});

test("a customer saves a card that becomes the default, adds a bank account, makes it the default and removes the card", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, E2E_PAYING_CUSTOMER);
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("link", { name: "Payment methods" }).click();
  await expect(page).toHaveURL(/\/portal\/payment-methods$/);
  await expect(page.getByTestId("autopay-explained")).toHaveText(
    "Without a default method, you pay each invoice yourself: online from the invoice, or by bank transfer.",
  );
  await expect(page.getByTestId("no-methods")).toBeVisible();
  await shoot(page, "portal-payment-methods-empty", baseURL);

  // A card: a bad expiry is refused next to its field, then the card is saved and becomes the default.
  await page.getByTestId("add-method").click();
  const form = page.getByTestId("demo-setup");
  await form.getByLabel("Card number").fill("4242 4242 4242 4242");
  await form.getByLabel("Expiry").fill("13/30");
  await form.getByLabel("CVC").fill("123");
  await form.getByRole("button", { name: "Save this method" }).click();
  await expect(form.getByLabel("Expiry")).toHaveAccessibleDescription(/Enter the expiry as MM\/YY/);
  await shoot(page, "portal-payment-method-new", baseURL);
  await typeCard(page, "4242 4242 4242 4242");
  await form.getByRole("button", { name: "Save this method" }).click();
  await expect(page.getByTestId("method-saved")).toHaveText("Payment method saved.");
  await expect(page.getByTestId("saved-method")).toHaveCount(1);
  await expect(page.getByTestId("saved-method")).toContainText("Visa •••• 4242");
  await expect(page.getByTestId("saved-method")).toContainText(/Expires 12\/\d{4}/);
  await expect(page.getByTestId("default-method")).toContainText(
    "Pays renewals automatically on their due date.",
  );
  await expect(page.getByTestId("autopay-explained")).toContainText(
    "Your default method pays renewal invoices automatically",
  );

  // The SEPA test account, saved beside it, then chosen as the default.
  await page.getByTestId("add-method").click();
  await page.getByLabel("Bank account (SEPA debit)").check();
  await page.getByTestId("demo-setup").getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await page.getByTestId("demo-setup").getByRole("button", { name: "Save this method" }).click();
  await expect(page.getByTestId("saved-method")).toHaveCount(2);
  const bank = page.getByTestId("saved-method").filter({ hasText: "Demo Bank •••• 3000" });
  await bank.getByRole("button", { name: "Make default" }).click();
  await expect(page.getByTestId("action-ok")).toHaveText(
    "Demo Bank •••• 3000 now pays your renewals automatically.",
  );
  await expect(bank.getByTestId("default-method")).toBeVisible();

  // Removing the card is confirmed, then said.
  await page.getByTestId("remove-method-4242").click();
  await expect(dialog(page)).toContainText("Remove Visa •••• 4242? It can no longer be charged.");
  await dialog(page).getByRole("button", { name: "Remove it" }).click();
  await expect(page.getByTestId("action-ok")).toHaveText(
    "Visa •••• 4242 removed: it can no longer be charged.",
  );
  await expect(page.getByTestId("saved-method")).toHaveCount(1);
  await shoot(page, "portal-payment-methods", baseURL);
});
