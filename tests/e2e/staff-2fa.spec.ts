import { expect, test } from "@playwright/test";
import { totpCodeAt } from "@/server/auth/totp";
import { E2E_ENROLLING_STAFF, E2E_NEW_ADMIN } from "./fixtures/totp";
import { PASSWORD, signIn } from "./support";

test("a staff member turns on two-factor authentication, signs out, and signs in with a code", async ({ page }) => {
  await signIn(page, E2E_ENROLLING_STAFF);
  await page.goto("/staff/security");
  await page.getByTestId("totp-start").click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  // "Scanning": the authenticator app is this test, reading the key printed under the QR code.
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.screenshot({ path: "test-results/staff-2fa-enrolment.png", fullPage: true });
  await page.locator("#totp-confirm-code").fill(totpCodeAt(secret, Date.now()));
  await page.locator("[data-testid=totp-confirm] button[type=submit]").click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  await page.getByRole("button", { name: /sign out|se déconnecter|cerrar sesión/i }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.locator("#email").fill(E2E_ENROLLING_STAFF);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  await expect(page.getByTestId("signin-code-form")).toBeVisible();
  await expect(page.locator("#code")).toHaveValue("");
  // No session before the code: the back-office still sends to sign-in.
  const probe = await page.context().request.get("/staff", { maxRedirects: 0 });
  expect(probe.status()).toBe(307);

  await page.locator("#code").fill("000000");
  await page.locator("[data-testid=signin-code-form] button[type=submit]").click();
  await expect(page.getByTestId("signin-error")).toBeVisible();

  // The app shows the next step's code too; one step ahead never repeats the enrolment code.
  await page.locator("#code").fill(totpCodeAt(secret, Date.now() + 30_000));
  await page.locator("input[name=remember]").check();
  await page.locator("[data-testid=signin-code-form] button[type=submit]").click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page).toHaveURL(/\/staff$/);

  // The remembered device skips the code next time.
  await page.getByRole("button", { name: /sign out|se déconnecter|cerrar sesión/i }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, E2E_ENROLLING_STAFF);
});

test("the admin of the fixture signs in with a code and reaches the back-office", async ({ page }) => {
  await signIn(page, "admin@comptoir.example");
  await expect(page.locator("#code")).toHaveCount(0);
  await page.goto("/staff/audit");
  await expect(page).toHaveURL(/\/staff\/audit$/);
});

test("an admin without two-factor authentication is sent to enrol before reaching the back-office", async ({ page }) => {
  await signIn(page, E2E_NEW_ADMIN);
  await page.goto("/staff/audit");
  await expect(page).toHaveURL(/\/staff\/security$/);
  await expect(page.getByTestId("totp-required")).toBeVisible();
  await page.getByTestId("totp-start").click();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  await page.locator("#totp-confirm-code").fill(totpCodeAt(secret, Date.now()));
  await page.locator("[data-testid=totp-confirm] button[type=submit]").click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await page.goto("/staff/audit");
  await expect(page).toHaveURL(/\/staff\/audit$/);
});
