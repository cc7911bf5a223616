import { expect, type Page, test } from "@playwright/test";
import { E2E_MESSAGING_CUSTOMER } from "./fixtures/totp";
import { showInLanguage, signIn } from "./support";

// Issue 17: a customer writes to the billing team with a PDF, billing staff find it unread, take it
// and answer, and the customer finds the answer marked unread. A program renamed .pdf is refused
// next to the file field, whatever its name says.
const subject = `Change of owner for our account ${Date.now()}`;
const pdf = { name: "Kbis extract.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n") };
const renamedProgram = { name: "contract.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) };

/**
 * The first sign-in of a fresh server compiles its routes and hashes a password; on a loaded
 * machine that can outlast expect's 5 s, so a slow (not a failed) sign-in gets more time.
 */
async function signInPatiently(page: Page, email: string) {
  await signIn(page, email).catch(() => expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 }));
}

test("a secure message goes from the customer to billing staff and back", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const customer = await browser.newPage();
  await showInLanguage(customer, "en", baseURL);
  await signInPatiently(customer, E2E_MESSAGING_CUSTOMER);
  await customer.getByRole("link", { name: "Messages", exact: true }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Messages");
  await expect(customer.getByText("No messages yet.")).toBeVisible();

  const form = customer.getByTestId("new-thread-form");
  await form.getByLabel("Subject").fill(subject);
  await form.getByLabel("Category").selectOption({ label: "Change of ownership" });
  await form.getByLabel("Message").fill("Hello,\nthe company was sold on 1 December. The deed is attached.");
  await form.getByLabel("Attachments").setInputFiles([renamedProgram]);
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByLabel("Attachments")).toHaveAccessibleDescription(/Only PDF files and images .* can be sent; this file is neither/);
  await expect(form.getByLabel("Subject")).toHaveValue(subject);
  await expect(form.getByLabel("Category")).toHaveValue("OWNERSHIP_CHANGE");

  await form.getByLabel("Attachments").setInputFiles([pdf]);
  await form.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByTestId("thread-sent")).toHaveText("Your message was sent to the billing team.");
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(subject);
  const link = customer.getByTestId("attachment-link");
  await expect(link).toContainText("Kbis extract.pdf");
  const download = await customer.request.get((await link.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="Kbis extract.pdf"/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  const threadUrl = customer.url();
  const attachmentPath = (await link.getAttribute("href")) ?? "";

  // Billing staff: the thread is unread in the list, theirs once they take it, and they answer.
  const staff = await browser.newPage();
  await showInLanguage(staff, "en", baseURL);
  await signInPatiently(staff, "billing@comptoir.example");
  // Messages come first in the Billing menu, with the number of conversations nobody on the team has read.
  await staff.getByRole("button", { name: "Billing" }).click();
  await staff.getByRole("link", { name: /^Messages \(\d+\)$/ }).click();
  const row = staff.getByTestId("thread-row").filter({ hasText: subject });
  await expect(row).toContainText("Quillon Studio SARL");
  await expect(row.getByTestId("unread-badge")).toBeVisible();
  await row.getByRole("link", { name: subject }).click();
  await expect(staff.getByTestId("message")).toContainText("the company was sold on 1 December");
  await staff.getByRole("button", { name: "Assign to me" }).click();
  await expect(staff.getByTestId("action-ok")).toHaveText("Assigned to Bruno Facturation.");
  await expect(staff.getByLabel("Assigned to")).toHaveValue(/[0-9a-f-]{36}/);
  const reply = staff.getByTestId("reply-form");
  await reply.getByLabel("Message").fill("Thank you. Please send the new owner's ID as well.");
  await reply.getByRole("button", { name: "Reply" }).click();
  await expect(staff.getByTestId("reply-sent")).toHaveText("Your reply was sent.");
  await expect(staff.getByTestId("message")).toHaveCount(2);
  await staff.goto("/staff/messages?show=mine");
  await expect(staff.getByTestId("thread-row").filter({ hasText: subject }).getByTestId("unread-badge")).toHaveCount(0);

  // Back to the customer: the answer is unread until they open the thread.
  await customer.goto("/portal/messages");
  await expect(customer.getByRole("link", { name: "Messages (1)" })).toBeVisible();
  const mine = customer.getByTestId("thread-row").filter({ hasText: subject });
  await expect(mine.getByTestId("unread-badge")).toBeVisible();
  await mine.getByRole("link", { name: subject }).click();
  await expect(customer).toHaveURL(threadUrl.replace("?sent=1", ""));
  await expect(customer.getByTestId("message").nth(1)).toContainText("Please send the new owner's ID as well.");
  await expect(customer.getByTestId("message").nth(1)).toContainText("Billing team");
  await customer.goto("/portal/messages");
  await expect(customer.getByRole("link", { name: "Messages", exact: true })).toBeVisible();
  await expect(mine.getByTestId("unread-badge")).toHaveCount(0);

  // Another company's user who knows both addresses gets "not found" for each, and the staff route refuses customers.
  const outsider = await browser.newPage();
  await showInLanguage(outsider, "en", baseURL);
  await signInPatiently(outsider, "claire@dupont.example");
  expect((await outsider.goto(new URL(threadUrl).pathname))?.status()).toBe(404);
  expect((await outsider.request.get(attachmentPath)).status()).toBe(404);
  expect((await outsider.request.get(attachmentPath.replace("/portal/", "/staff/"), { maxRedirects: 0 })).status()).not.toBe(200);
});
