import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 13, item 8: adding a product to the catalogue. Each mistake is named next to its field in
// one answer; a code already in use is refused next to the code.
test("staff add a product, fixing the code and price the form points at; a taken code is refused", async ({
  page,
}) => {
  const code = `VPS-${Date.now()}`;
  await signIn(page, "admin@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Billing" }).click(); // the catalogue sits with the ledger lists
  await nav.getByRole("link", { name: "Catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catalogue");

  const form = page.getByTestId("product-form");
  await form.getByLabel("Code").fill("VPS 8 GB"); // a space is not allowed in a code
  await form.getByLabel("Product").fill("VPS 8 GB — Łódź");
  await form.getByLabel("Kind").selectOption({ label: "Virtual server" });
  await form.getByLabel("Tax rate (%)").fill("20");
  await form.getByLabel("Monthly price (excl. tax)").fill("12,5x");
  await form.getByLabel("Yearly price (excl. tax)").fill("125");
  await form.getByRole("button", { name: "Add" }).click();

  await expect(form.getByLabel("Code")).toHaveAccessibleDescription("Use letters, digits, - and _ only.");
  await expect(form.getByLabel("Monthly price (excl. tax)")).toHaveAccessibleDescription(
    "Enter an amount such as 12.50.",
  );
  await expect(form.getByLabel("Yearly price (excl. tax)")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("form-error")).toHaveText(
    "2 fields need fixing: see the messages next to them.",
  );
  await expect(form.getByLabel("Product")).toHaveValue("VPS 8 GB — Łódź");
  await expect(form.getByLabel("Kind")).toHaveValue("VIRTUAL_SERVER");
  await expect(page.getByTestId("product-row").filter({ hasText: "VPS 8 GB — Łódź" })).toHaveCount(0);

  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Monthly price (excl. tax)").fill("12,50");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("product-added")).toHaveText(
    `VPS 8 GB — Łódź (${code}) added to the catalogue.`,
  );
  const row = page.getByTestId("product-row").filter({ hasText: code });
  await expect(row).toContainText("VPS 8 GB — Łódź");
  await expect(row).toContainText("Monthly · €12.50");
  await expect(row).toContainText("Yearly · €125.00");
  // The form is empty again, ready for the next product.
  await expect(form.getByLabel("Code")).toHaveValue("");

  // The same code twice: refused next to the code, and the catalogue still has one such product.
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Product").fill("Another name");
  await form.getByLabel("Monthly price (excl. tax)").fill("9");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByLabel("Code")).toHaveAccessibleDescription(
    "Another product already uses this code.",
  );
  await page.reload();
  await expect(page.getByTestId("product-row").filter({ hasText: code })).toHaveCount(1);
  await expect(page.getByTestId("product-row").filter({ hasText: "Another name" })).toHaveCount(0);
});
