import { expect, test } from "@playwright/test";
import { DEMO_STAFF } from "@/server/demo/seed-demo-data";
import { E2E_ADMIN_TOTP_SECRET } from "./fixtures/totp";
import { freshTotpCode, PASSWORD, signIn } from "./support";

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
