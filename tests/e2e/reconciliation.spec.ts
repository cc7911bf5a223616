import { expect, test } from "@playwright/test";
import { showInLanguage, signIn } from "./support";

// Issue 16: the reconciliation page lists the runs; "Run now" runs one and says what it did.
test("billing staff run the reconciliation now and see its run listed", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/payments");
  await page.getByRole("link", { name: "Payment reconciliation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment reconciliation");
  const runs = page.getByTestId("reconciliation-runs").locator("section");
  const before = await runs.count();
  await page.getByTestId("reconcile-now").click();
  await expect(page.getByTestId("action-ok")).toContainText(/Reconciliation done: \d+ payment\(s\) settled, \d+ finding\(s\)\./);
  await expect(runs).toHaveCount(before + 1);
  await expect(runs.first()).toContainText("demo · done");
});
