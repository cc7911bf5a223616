import { expect, test } from "@playwright/test";
import { E2E_HELD_REQUEST, E2E_HELD_SPAM, E2E_HELD_FOR_COMPANY } from "./fixtures/support-intake";
import { showInLanguage, signIn } from "./support";

// Issue 18: e-mails from senders the desk does not know wait in the support inbox. A support
// technician opens a ticket from one for the right company (found by name: the sender writes from
// a public address), after being told to choose one, and dismisses the spam; both confirmed first.
test("support staff open a ticket from a held e-mail and dismiss another", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "support@comptoir.example");
  await page.goto("/staff/support/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Held support e-mails");
  const rows = page.getByTestId("held-email-row");
  await expect(rows.filter({ hasText: E2E_HELD_REQUEST.subject })).toContainText("Unknown sender");
  await expect(rows.filter({ hasText: E2E_HELD_SPAM.subject })).toHaveCount(1);

  await page.getByRole("link", { name: E2E_HELD_REQUEST.subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_HELD_REQUEST.subject);
  await expect(page.getByTestId("held-email-from")).toContainText(E2E_HELD_REQUEST.from);
  await expect(page.getByTestId("held-email-text")).toContainText("the printer at our front desk is offline");
  await expect(page.getByText("No customer to suggest: search by name.")).toBeVisible();

  // Asking to open the ticket without a company says what is missing, and opens no dialog.
  const release = page.getByTestId("release-form");
  await release.getByTestId("release-held-email").click();
  await expect(release.getByRole("group", { name: "Customer" })).toHaveAccessibleDescription("Choose the customer to open the ticket for.");
  await expect(release.getByTestId("confirm-summary")).toBeHidden();

  await page.getByLabel("Find a customer by name").fill("ondine");
  await page.getByRole("button", { name: "Search" }).click();
  const choice = page.getByRole("radio", { name: new RegExp(E2E_HELD_FOR_COMPANY) });
  await choice.check();
  await release.getByTestId("release-held-email").click();
  await expect(release.getByTestId("confirm-summary")).toHaveText(`Open a regular ticket for ${E2E_HELD_FOR_COMPANY} from this message? ${E2E_HELD_REQUEST.from} will receive the acknowledgement with the ticket's reference.`);
  await release.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("action-ok")).toHaveText(new RegExp(`^Ticket T-\\d+ opened for ${E2E_HELD_FOR_COMPANY}; ${E2E_HELD_REQUEST.from.replace(".", "\\.")} was sent the acknowledgement\\.$`));
  const reference = (await page.getByTestId("action-ok").textContent())?.match(/T-\d+/)?.[0] ?? "";
  await expect(page.getByRole("link", { name: `Open ticket ${reference}` })).toBeVisible();

  // Coming back to the message shows what was done, by whom.
  await page.reload();
  await expect(page.getByTestId("held-email-decision")).toContainText(`Opened as ticket ${reference} by Sofía Soporte`);

  await page.goto("/staff/support/inbox");
  await expect(rows.filter({ hasText: E2E_HELD_REQUEST.subject })).toHaveCount(0);
  await page.getByRole("link", { name: E2E_HELD_SPAM.subject }).click();
  const dismiss = page.getByTestId("dismiss-form");
  await dismiss.getByTestId("dismiss-held-email").click();
  await expect(dismiss.getByTestId("confirm-summary")).toHaveText(`Dismiss the message “${E2E_HELD_SPAM.subject}” from ${E2E_HELD_SPAM.from}? It will not open a ticket.`);
  await dismiss.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("action-ok")).toHaveText("Message dismissed: it no longer waits in the list.");

  await page.getByRole("link", { name: "Held e-mails" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Held support e-mails");
  await expect(rows).toHaveCount(0);
  await expect(page.getByText("No message is waiting.")).toBeVisible();
});
