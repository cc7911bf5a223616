import { expect, test } from "@playwright/test";
import { createCustomerThroughForm, signIn } from "./support";

// Issue 13, item 8: staff prepare a purchase order line by line. A wrong quantity is named next to
// that line's field; sending the order, which cannot be taken back, asks first and says it is done.
test("staff prepare a purchase order, fix the quantity it points at, and send it after confirming", async ({
  page,
}) => {
  const name = `Librairie Żółw ${Date.now()}`;
  await signIn(page, "admin@comptoir.example");
  await createCustomerThroughForm(page, name); // a customer of its own: no other spec sees this order
  await page.getByTestId("new-order").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`New purchase order — ${name}`);

  const line = (n: number) => page.getByRole("group", { name: `Line ${n}` });
  await line(1).getByLabel("Product").selectOption({ label: "VPS 4 GB" });
  await line(1).getByLabel("Billing").selectOption({ label: "Yearly" });
  await line(1).getByLabel("Qty").fill("0");
  await page.getByRole("button", { name: "Add a line" }).click();
  await line(2).getByLabel("Product").selectOption({ label: "Mise en service" });
  await expect(line(2).getByLabel("Billing")).toBeDisabled(); // a one-off item has no cycle
  await page.getByLabel("Notes").fill("Livraison à Kraków");
  await page.getByRole("button", { name: "Save the order" }).click();

  const quantity = line(1).getByLabel("Qty");
  await expect(quantity).toHaveAttribute("aria-invalid", "true");
  await expect(quantity).toHaveAccessibleDescription("Enter a positive number with at most 3 decimals.");
  await expect(page.getByTestId("form-error")).toHaveText(
    "1 field needs fixing: see the message next to it.",
  );
  await expect(page).toHaveURL(/\/staff\/orders\/new\?customerId=/);
  // Nothing typed was lost.
  await expect(line(2).getByLabel("Product")).toHaveValue(/.+/);
  await expect(page.getByLabel("Notes")).toHaveValue("Livraison à Kraków");

  await quantity.fill("2");
  await page.getByRole("button", { name: "Save the order" }).click();
  await expect(page).toHaveURL(/\/staff\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-line")).toHaveCount(2);
  await expect(page.getByTestId("order-status")).toHaveText("Draft");
  const number = (await page.getByTestId("order-number").textContent())?.match(/BC\d{4}-\d{5}/)?.[0] ?? "";
  expect(number).not.toBe("");

  // Sending asks first; cancelling sends nothing.
  await page.getByTestId("send-order").click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog.getByTestId("confirm-summary")).toHaveText(
    `Send order ${number} to ${name}? They can accept it at once, which starts the subscriptions and issues the first invoice; a sent order can no longer be changed.`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Draft");

  await page.getByTestId("send-order").click();
  await page.locator("dialog[open]").getByRole("button", { name: "Yes, send it" }).click();
  await expect(page.getByTestId("action-ok")).toHaveText("Sent to the customer.");
  await expect(page.getByTestId("order-status")).toHaveText("Sent, awaiting the customer");
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Sent, awaiting the customer");
  await expect(page.getByTestId("send-order")).toHaveCount(0);
});
