import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 13, item 8: the invitation form names a bad or taken address next to the field and sends
// nothing; revoking an invitation, which cannot be undone, asks first and says it is done. (The
// invitee's side is invitation.spec.ts.)
test("staff are told next to the e-mail field why an invitation cannot go, then invite and revoke after confirming", async ({
  page,
}) => {
  const email = `revoked-${Date.now()}@solymar.example`;
  await signIn(page, "admin@comptoir.example");
  await page.goto("/staff/customers");
  await page.getByRole("link", { name: "Hostal Sol y Mar S.L." }).click();
  const form = page.getByTestId("invite-form");
  const field = form.getByLabel("E-mail", { exact: true });

  await field.fill("nuria@solymar"); // the browser takes it; it is not a deliverable address
  await form.getByLabel("Role").selectOption({ label: "Owner" });
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription("Enter an e-mail address.");
  await expect(field).toHaveValue("nuria@solymar");
  await expect(form.getByLabel("Role")).toHaveValue("OWNER");
  await expect(page.getByTestId("invitation-row").filter({ hasText: "nuria@solymar" })).toHaveCount(0);

  // Someone who already has an account.
  await field.fill("john@solymar.example");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(field).toHaveAccessibleDescription("An account already uses this e-mail address.");
  await expect(page.getByTestId("invitation-row").filter({ hasText: "john@solymar.example" })).toHaveCount(0);

  await field.fill(email);
  await form.getByLabel("Role").selectOption({ label: "Member" });
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByTestId("invite-sent")).toHaveText(`Invitation sent to ${email}.`);
  const row = page.getByTestId("invitation-row").filter({ hasText: email });
  await expect(row).toContainText("Pending");
  await expect(field).toHaveValue(""); // ready for the next one

  // The same address again: it already has a pending invitation.
  await field.fill(email);
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(field).toHaveAccessibleDescription(
    "This address already has a pending invitation to this company: re-send it instead.",
  );
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(1);

  // Re-sending replaces the link and says so.
  await row.getByRole("button", { name: "Re-send" }).click();
  await expect(row.getByTestId("invitation-resent")).toHaveText(
    "A new link was sent; the previous one no longer works.",
  );
  await expect(row).toContainText("Pending");

  // Revoking asks first; cancelling leaves it pending.
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog.getByTestId("confirm-summary")).toHaveText(
    `Revoke the invitation sent to ${email}? Its link stops working at once; to invite this person again, send a new invitation.`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Pending");

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(row.getByTestId("invitation-revoked")).toHaveText("Invitation revoked.");
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Revoked");
});
