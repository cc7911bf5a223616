import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 13, item 8: an admin creates an API token (a blank name is refused next to the field), the
// token opens the API, and revoking it, which cannot be undone, asks first and says what happened.
test("an admin creates an API token that works, then revokes it after confirming", async ({
  page,
  request,
}) => {
  const name = `Comptabilité ${Date.now()}`;
  await signIn(page, "admin@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Administration" }).click();
  await nav.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");

  const form = page.getByTestId("api-token-form");
  await form.getByLabel("Name").fill("   "); // passes the browser's "required", not the server
  await form.getByRole("button", { name: "Create a token" }).click();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name")).toHaveAccessibleDescription("Fill in this field.");
  await expect(page.getByTestId("api-token-secret")).toHaveCount(0);

  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create a token" }).click();
  await expect(page.getByTestId("api-token-created")).toContainText(
    `Token “${name}” created. Copy it now: it will not be shown again.`,
  );
  const secret = (await page.getByTestId("api-token-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^cpt_/);
  const row = page.getByTestId("api-token-row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 8));
  await expect(row).toContainText("never"); // not used yet

  const bearer = { Authorization: `Bearer ${secret}` };
  expect((await request.get("/api/v1/customers", { headers: bearer })).status()).toBe(200);

  // Revoking asks first; cancelling keeps the token working.
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog.getByTestId("confirm-summary")).toHaveText(
    `Revoke the token “${name}”? Programs using it are refused at once, and it cannot be restored.`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await request.get("/api/v1/customers", { headers: bearer })).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(row.getByTestId("action-ok")).toHaveText(
    `Token “${name}” revoked: it no longer opens the API.`,
  );
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  expect((await request.get("/api/v1/customers", { headers: bearer })).status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId("api-token-row").filter({ hasText: name })).toContainText("Revoked");
});
