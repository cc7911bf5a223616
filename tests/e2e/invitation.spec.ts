import { expect, test } from "@playwright/test";
import { fixture, PASSWORD, signIn } from "./support";

test("billing invites a customer user, who follows the e-mailed link, sets a password and lands signed in", async ({ browser }) => {
  const email = `new-${Date.now()}@dupont.example`;
  const customer = fixture().customers.find((c) => c.legalName === "Boulangerie Dupont SARL");
  if (!customer) throw new Error("fixture customer missing");

  // 1. Billing staff send the invitation (in Spanish).
  const staff = await browser.newContext({ locale: "en-US" });
  const billing = await staff.newPage();
  await signIn(billing, "billing@comptoir.example");
  await billing.goto(`/staff/customers/${customer.id}`);
  await billing.locator("#invite-email").fill(email);
  await billing.locator("#invite-locale").selectOption("es");
  await billing.locator("[data-testid=invite-form] button[type=submit]").click();
  await expect(billing.getByTestId("invite-sent")).toContainText(email);
  await expect(billing.getByTestId("invitation-row").filter({ hasText: email })).toBeVisible();
  await staff.close();

  // 2. The admin reads the e-mail in the outbox (no SMTP server in this run).
  const adminContext = await browser.newContext({ locale: "en-US" });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@comptoir.example");
  await admin.goto("/staff/outbox");
  await admin.getByTestId("outbox-row").filter({ hasText: email }).getByRole("link").click();
  await expect(admin.getByTestId("email-to")).toHaveText(email);
  const text = await admin.getByTestId("email-text").textContent();
  expect(text).toContain("Abra el enlace");
  const link = text?.match(/https?:\/\/\S+\/invitation\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  await adminContext.close();

  // 3. The invitee opens the link in a fresh browser, sets a password and is signed in on the portal.
  const inviteeContext = await browser.newContext({ locale: "es-ES" });
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link ?? "");
  await expect(invitee.getByRole("heading", { name: "Unirse a Boulangerie Dupont SARL" })).toBeVisible();
  await invitee.locator("#name").fill("Nuria Nueva");
  await invitee.locator("#password").fill(PASSWORD);
  await invitee.locator("#confirm").fill(PASSWORD);
  await invitee.getByTestId("accept-invitation-form").locator("button[type=submit]").click();
  await expect(invitee).toHaveURL(/\/portal$/);
  await expect(invitee.getByTestId("portal-title")).toHaveText("Bienvenido/a, Nuria Nueva");

  // 4. The link cannot be used twice.
  await invitee.goto(link ?? "");
  await expect(invitee.getByTestId("link-problem")).toHaveText("Este enlace ya se ha usado. Inicie sesión o pida un enlace nuevo.");
  await inviteeContext.close();
});
