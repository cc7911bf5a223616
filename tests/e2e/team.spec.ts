import { expect, type Page, test } from "@playwright/test";
import { E2E_TEAM_MEMBER, E2E_TEAM_OWNER } from "./fixtures/totp";
import { showInLanguage, signIn } from "./support";

// Issue 17, contacts: the primary representative of Cirrus (a group capped at three contacts) invites
// a colleague, meets the cap, disables and re-enables their colleague Paul, then hands Paul the
// primary role, after which Olga manages nobody. Every change is confirmed and says what it did.
const dialog = (page: Page) => page.locator("dialog[open]");
const row = (page: Page, text: string) => page.getByTestId("contact-row").filter({ hasText: text });

async function confirm(page: Page, button: string, summary: RegExp | string) {
  await expect(dialog(page)).toContainText(summary);
  await dialog(page).getByRole("button", { name: button }).click();
}

test("the primary representative invites within the cap, disables and re-enables a colleague, then hands over the role", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await showInLanguage(page, "en", baseURL);
  await signIn(page, E2E_TEAM_OWNER);
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page).toHaveURL(/\/portal\/team$/);
  await expect(page.getByTestId("contact-cap")).toHaveText("2 of 3 contacts (invitations still open count).");
  await expect(row(page, "Olga Martin")).toContainText("Primary representative");
  await expect(row(page, "Paul Durand")).toContainText("Secondary representative");

  // An address that already has an account is refused next to the field; a new one is invited.
  const form = page.getByTestId("invite-colleague-form");
  await form.getByLabel("Their e-mail").fill(E2E_TEAM_MEMBER);
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByLabel("Their e-mail")).toHaveAccessibleDescription(/already/i);
  await form.getByLabel("Their e-mail").fill("lea@cirrus.example");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByTestId("colleague-invited")).toHaveText("Invitation sent to lea@cirrus.example: the link works for 7 days.");
  await expect(page.getByTestId("contact-cap")).toHaveText("3 of 3 contacts (invitations still open count).");
  await expect(page.getByTestId("open-invitations")).toContainText("lea@cirrus.example");

  // The cap is reached: a fourth contact is refused, next to the e-mail field.
  await form.getByLabel("Their e-mail").fill("marc@cirrus.example");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByLabel("Their e-mail")).toHaveAccessibleDescription(/as many contacts as its plan allows/);

  // Disabling Paul frees a place; re-enabling him takes it again.
  await row(page, "Paul Durand").getByRole("button", { name: "Disable…" }).click();
  await confirm(page, "Yes, disable", "They are signed out at once");
  await expect(page.getByTestId("action-ok")).toHaveText("Paul Durand is disabled and signed out.");
  await expect(row(page, "Paul Durand")).toContainText("Disabled");
  await expect(page.getByTestId("contact-cap")).toHaveText("2 of 3 contacts (invitations still open count).");
  await row(page, "Paul Durand").getByRole("button", { name: "Re-enable…" }).click();
  await confirm(page, "Yes, re-enable", "They can sign in again");
  await expect(page.getByTestId("action-ok")).toHaveText("Paul Durand can sign in again.");
  await expect(row(page, "Paul Durand")).not.toContainText("Disabled");

  // Olga names Paul and herself authorised support contacts (their e-mails to the desk open tickets).
  await expect(page.getByText("0 of 4 authorised support contacts.")).toBeVisible();
  await row(page, "Paul Durand").getByRole("button", { name: "Authorise for support…" }).click();
  await confirm(page, "Yes, authorise", "Their e-mails to the support desk will open tickets");
  await expect(page.getByTestId("action-ok")).toHaveText("Paul Durand is now an authorised support contact.");
  await expect(row(page, "Paul Durand")).toContainText("Support contact");
  await row(page, "Olga Martin").getByRole("button", { name: "Authorise for support…" }).click();
  await confirm(page, "Yes, authorise", "Olga Martin");
  await expect(page.getByText("2 of 4 authorised support contacts.")).toBeVisible();

  // Handing over: Paul becomes the primary representative; Olga manages nobody any more.
  await row(page, "Paul Durand").getByRole("button", { name: "Make primary…" }).click();
  await confirm(page, "Yes, hand over", "the current primary representative becomes a secondary one");
  await expect(page.getByTestId("action-ok")).toHaveText("Paul Durand is now the primary representative.");
  await page.reload();
  await expect(row(page, "Paul Durand")).toContainText("Primary representative");
  await expect(row(page, "Olga Martin")).toContainText("Secondary representative");
  await expect(page.getByText("Only Paul Durand, your company's primary representative, can invite or manage contacts.")).toBeVisible();
  await expect(page.getByTestId("invite-colleague-form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disable…" })).toHaveCount(0);
});
