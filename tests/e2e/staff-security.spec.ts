import { expect, test } from "@playwright/test";
import { DEMO_STAFF } from "@/server/demo/seed-demo-data";
import { totpCodeAt } from "@/server/auth/totp";
import { E2E_ADMIN_TOTP_SECRET } from "./fixtures/totp";
import { freshTotpCode, PASSWORD, showInLanguage, signIn } from "./support";

// Issue 13, item 8: new recovery codes need a current code. A wrong one is named next to the code
// field; a right one shows ten codes, and one of them signs the admin in instead of the app.
test("an admin gets new recovery codes after a wrong code is refused next to the field, and signs in with one", async ({
  page,
}) => {
  const email = DEMO_STAFF[0].email;
  await signIn(page, email);
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByTestId("totp-on")).toBeVisible();

  const form = page.getByTestId("totp-regenerate");
  const code = form.getByLabel("Code from the app (or a recovery code)");
  await code.fill("000000");
  await form.getByRole("button", { name: "New recovery codes" }).click();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription("That code is not valid. Try the current one.");
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);

  await code.fill(await freshTotpCode(E2E_ADMIN_TOTP_SECRET));
  await form.getByRole("button", { name: "New recovery codes" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())?.trim() ?? "";
  expect(recovery).not.toBe("");

  // A recovery code stands in for the app at sign-in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  await page.locator("#code").fill(recovery);
  await page.locator("[data-testid=signin-code-form] button[type=submit]").click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto("/staff/security");
  await expect(page.getByTestId("totp-on")).toHaveText(
    "Two-factor authentication is on. Unused recovery codes: 9.",
  );
});

// Turning two-factor authentication off needs a current code too. Support staff end as they began,
// without it (other specs sign in as support with a password only).
test("support staff turn two-factor authentication on, then off after a wrong code is refused next to the field", async ({
  page,
  baseURL,
}) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "support@comptoir.example");
  await page.goto("/staff/security");
  await page.getByTestId("totp-start").click();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  await page.getByTestId("totp-confirm").getByRole("textbox").fill(totpCodeAt(secret, Date.now()));
  await page.getByTestId("totp-confirm").getByRole("button").click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await page.goto("/staff/security");
  await expect(page.getByTestId("totp-on")).toBeVisible();

  const form = page.getByTestId("totp-disable");
  const code = form.getByLabel("Code from the app (or a recovery code)");
  await code.fill("123456");
  await form.getByRole("button", { name: "Turn off" }).click();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toHaveAccessibleDescription("That code is not valid. Try the current one.");
  await page.reload();
  await expect(page.getByTestId("totp-on")).toBeVisible(); // still on

  // The code of the next step: the current one was spent on enrolment.
  await page
    .getByTestId("totp-disable")
    .getByLabel("Code from the app (or a recovery code)")
    .fill(totpCodeAt(secret, Date.now() + 30_000));
  await page.getByTestId("totp-disable").getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByTestId("totp-turned-off")).toHaveText(
    "Two-factor authentication is off: sign-in asks for your password only, and remembered devices are forgotten.",
  );
  await expect(page.getByTestId("totp-start")).toBeVisible();

  // Sign-in asks for the password only again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "support@comptoir.example");
  await expect(page).toHaveURL(/\/staff$/);
});
