import { expect, type Page, test } from "@playwright/test";
import { PASSWORD, signIn } from "./support";

const EMAIL = "john@solymar.example";

/** The admin reads the newest e-mail to `to` in the outbox (no SMTP server in this run) and returns its link. */
async function linkFromOutbox(admin: Page, to: string, path: string): Promise<string> {
  await admin.goto("/staff/outbox");
  await admin.getByTestId("outbox-row").filter({ hasText: to }).first().getByRole("link").click();
  await expect(admin.getByTestId("email-to")).toHaveText(to);
  const text = (await admin.getByTestId("email-text").textContent()) ?? "";
  const link = text.match(new RegExp(`https?://\\S+/${path}\\?token=[\\w%-]+`))?.[0];
  if (!link) throw new Error(`no ${path} link in the e-mail to ${to}`);
  return link;
}

// Issue 13, item 8: "forgot password" and "choose a new password", filled as a person would. A bad
// address, two different passwords and a password equal to the e-mail are each named next to their
// field; the link still works afterwards, and the new password signs the person in. John ends with
// the demo password, so other specs can still sign in as him.
test("a customer asks for a reset link, fixes what the form points at, and is signed in with the new password", async ({
  browser,
}) => {
  const john = await (await browser.newContext({ locale: "en-US" })).newPage();
  await john.goto("/signin");
  await john.getByRole("link", { name: "Forgot your password?" }).click();
  const forgot = john.getByTestId("forgot-password-form");
  await forgot.getByLabel("E-mail").fill("john@solymar"); // the browser takes it; no one can receive it
  await forgot.getByRole("button", { name: "Send the link" }).click();
  await expect(forgot.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(forgot.getByLabel("E-mail")).toHaveAccessibleDescription("Enter an e-mail address.");
  await expect(forgot.getByLabel("E-mail")).toHaveValue("john@solymar");
  await expect(john.getByTestId("forgot-sent")).toHaveCount(0);

  await forgot.getByLabel("E-mail").fill(EMAIL);
  await forgot.getByRole("button", { name: "Send the link" }).click();
  await expect(john.getByTestId("forgot-sent")).toHaveText(
    "If an account uses this address, a link is on its way. It works for one hour.",
  );

  const adminContext = await browser.newContext({ locale: "en-US" });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@comptoir.example");
  const link = await linkFromOutbox(admin, EMAIL, "reset-password");
  await adminContext.close();

  await john.goto(link);
  await expect(john.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  const form = john.getByTestId("reset-password-form");
  const password = form.getByLabel("New password", { exact: true });
  const confirm = form.getByLabel("Repeat the new password");

  await password.fill("Un été à Cracovie 2026");
  await confirm.fill("Un été à Cracovie 2025");
  await form.getByRole("button", { name: "Save and sign in" }).click();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription("The two passwords differ.");
  await expect(password).not.toHaveAttribute("aria-invalid", "true");

  await password.fill(EMAIL);
  await confirm.fill(EMAIL);
  await form.getByRole("button", { name: "Save and sign in" }).click();
  await expect(password).toHaveAccessibleDescription(/The password must not be your e-mail address\./);
  await expect(john.getByTestId("form-error")).toHaveCount(0); // said next to the field, not above the form

  await password.fill(PASSWORD);
  await confirm.fill(PASSWORD);
  await form.getByRole("button", { name: "Save and sign in" }).click();
  await expect(john).toHaveURL(/\/portal$/);
  await expect(john.getByTestId("signed-in-as")).toContainText("John Carter");

  // The link worked once.
  await john.goto(link);
  await expect(john.getByTestId("link-problem")).toHaveText(
    "This link has already been used. Sign in, or ask for a new link.",
  );
  await john.context().close();
});
