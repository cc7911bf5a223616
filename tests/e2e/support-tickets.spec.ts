import { expect, type Page, test } from "@playwright/test";
import { DEMO_STAFF } from "@/server/demo/seed-demo-data";
import { E2E_SUPPORT_TECH, E2E_SUPPORT_TECH_NAME, E2E_TICKET_CALLER, E2E_TICKET_CALLER_NAME, E2E_TICKET_COMPANY, E2E_TICKET_CUSTOMER } from "./fixtures/support-tickets";
import { showInLanguage, signIn } from "./support";

// Issue 18: a customer opens a support ticket in the portal and adds a detail; a support technician
// finds it in the queue, takes it, answers and closes it (confirmed); the customer scores the
// support from the survey e-mail in one click and adds a comment; staff read it. Then a phone call
// becomes a ticket through the back-office form.

/** A slow first sign-in on a fresh server (route compilation, password hashing) gets more time. */
async function signInPatiently(page: Page, email: string) {
  await signIn(page, email).catch(() => expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 }));
}

/** The first link matching `path` in the newest outbox e-mail to `to` whose subject contains `subject`. */
async function linkFromOutbox(admin: Page, to: string, subject: string, path: RegExp): Promise<string> {
  await admin.goto("/staff/outbox");
  await admin.getByTestId("outbox-row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await expect(admin.getByTestId("email-to")).toHaveText(to);
  const text = (await admin.getByTestId("email-text").textContent()) ?? "";
  const link = text.match(path)?.[0];
  if (!link) throw new Error(`no link in: ${text}`);
  return link;
}

test("a ticket goes from the portal to the support queue, is answered, closed and scored", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const subject = `Robot arm controller offline ${Date.now()}`;

  // The customer opens an urgent ticket: the form promises the response time next to each urgency.
  const customer = await browser.newPage();
  await showInLanguage(customer, "en", baseURL);
  await signInPatiently(customer, E2E_TICKET_CUSTOMER);
  await customer.goto("/portal/support/tickets");
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Support tickets");
  await expect(customer.getByText("No tickets yet.")).toBeVisible();
  const form = customer.getByTestId("new-ticket-form");
  await expect(form.getByText("a response within 1 business hour (7:00–20:00, Monday to Friday)")).toBeVisible();
  await form.getByLabel("Subject").fill(subject);
  await form.getByRole("radio", { name: /^Urgent/ }).check();
  await form.getByLabel("Description").fill("The controller of line 2 stopped answering at 9:05.\nWe restarted it twice.");
  await form.getByRole("button", { name: "Open the ticket" }).click();
  const opened = customer.getByTestId("ticket-opened");
  await expect(opened).toContainText(/Your ticket T-\d+ is open: we promise a response within 1 business hour/);
  const reference = (await customer.getByTestId("ticket-reference").textContent()) ?? "";
  expect(reference).toMatch(/^T-\d+$/);
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(`${reference} · ${subject}`);
  const ticketUrl = new URL(customer.url()).pathname;

  const reply = customer.getByTestId("ticket-reply-form");
  await reply.getByLabel("Message").fill("It shows error E-42 on its screen.");
  await reply.getByRole("button", { name: "Send the reply" }).click();
  await expect(customer.getByTestId("ticket-reply-sent")).toHaveText("Your reply was sent.");
  await expect(customer.getByTestId("ticket-message")).toHaveCount(2);
  await customer.goto("/portal/support/tickets");
  await expect(customer.getByTestId("ticket-row").filter({ hasText: subject })).toContainText(reference);

  // The technician: the Support menu, the queue (filtered to urgent tickets), the ticket.
  const tech = await browser.newPage();
  await showInLanguage(tech, "en", baseURL);
  await signInPatiently(tech, E2E_SUPPORT_TECH);
  await tech.getByRole("button", { name: "Support" }).click();
  await tech.getByRole("link", { name: "Ticket queue" }).click();
  await expect(tech.getByRole("heading", { level: 1 })).toHaveText("Support queue");
  await tech.getByRole("navigation", { name: "Urgency" }).getByRole("link", { name: "Urgent" }).click();
  await expect(tech).toHaveURL(/urgency=URGENT/);
  const row = tech.getByTestId("queue-row").filter({ hasText: subject });
  await expect(row).toContainText(E2E_TICKET_COMPANY);
  await expect(row.getByTestId("sla-state")).toHaveText(/^(Due in|Breached)/);
  await row.getByRole("link").click();
  await expect(tech.getByTestId("ticket-message").first()).toContainText("The controller of line 2 stopped answering");
  await tech.getByRole("button", { name: "Assign to me" }).click();
  await expect(tech.getByTestId("action-ok")).toHaveText(`Assigned to ${E2E_SUPPORT_TECH_NAME}.`);
  const answer = tech.getByTestId("ticket-reply-form");
  await answer.getByLabel("Message").fill("Error E-42 is a worn encoder cable. A technician brings one this afternoon.");
  await answer.getByRole("button", { name: "Send the reply" }).click();
  await expect(tech.getByTestId("ticket-reply-sent")).toHaveText("Your reply was sent.");
  await expect(tech.getByTestId("ticket-facts").getByTestId("sla-state")).toHaveText("Responded on time");

  // Closing asks first, and says the survey went to the requester.
  await tech.getByTestId("ticket-close").click();
  await expect(tech.getByTestId("confirm-summary")).toHaveText(`Close ${reference}? A satisfaction survey will be e-mailed to ${E2E_TICKET_CUSTOMER}.`);
  await tech.getByTestId("confirm-submit").click();
  await expect(tech.getByTestId("action-ok").filter({ hasText: "Ticket closed" })).toHaveText(`Ticket closed. The satisfaction survey was sent to ${E2E_TICKET_CUSTOMER}.`);
  await expect(tech.getByTestId("ticket-facts")).toContainText("Closed");
  await expect(tech.getByRole("button", { name: "Reopen the ticket" })).toBeVisible();

  // The customer got the answer by e-mail; the survey link from the outbox records a score at once.
  const admin = await browser.newPage();
  await showInLanguage(admin, "en", baseURL);
  await signInPatiently(admin, DEMO_STAFF[0].email);
  const replyMail = await linkFromOutbox(admin, E2E_TICKET_CUSTOMER, `[${reference}] ${subject}`, /http\S+\/portal\/support\/tickets\/[0-9a-f-]{36}/);
  expect(new URL(replyMail).pathname).toBe(ticketUrl);
  const scoreLink = await linkFromOutbox(admin, E2E_TICKET_CUSTOMER, `[${reference}] How did we do?`, /http\S+\/survey\/[A-Za-z0-9_-]+\?score=4/);

  const visitor = await (await browser.newContext()).newPage(); // the e-mail is opened without signing in
  await showInLanguage(visitor, "en", baseURL);
  await visitor.goto(scoreLink);
  await expect(visitor.getByTestId("survey-recorded")).toHaveText("Thank you! Your score of 4 / 5 is recorded.");
  await visitor.getByLabel("Comment (optional)").fill("Clear answer, quick visit.");
  await visitor.getByRole("button", { name: "Send the comment" }).click();
  await expect(visitor.getByTestId("survey-comment-saved")).toHaveText("Thank you, your comment is recorded.");
  await visitor.getByRole("link", { name: "5 / 5" }).click();
  await expect(visitor.getByTestId("survey-recorded")).toHaveText("Thank you! Your score of 5 / 5 is recorded.");
  await expect(visitor.getByLabel("Comment (optional)")).toHaveValue("Clear answer, quick visit.");
  await visitor.goto(scoreLink.replace(/\/survey\/[^?]+/, "/survey/not-a-real-survey-link-000000"));
  await expect(visitor.getByTestId("survey-unknown")).toBeVisible();

  // Staff read the answer on the ticket and in the survey summary.
  await tech.reload();
  await expect(tech.getByTestId("ticket-survey")).toContainText("Score 5 / 5");
  await expect(tech.getByTestId("ticket-survey")).toContainText("Clear answer, quick visit.");
  await tech.goto("/staff/support/surveys");
  await expect(tech.getByTestId("survey-comment").filter({ hasText: reference })).toContainText("Clear answer, quick visit.");
  await expect(tech.getByTestId("survey-chart")).toBeVisible();
});

test("support staff write down a phone call as a ticket with the form", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const subject = `Cannot print invoices ${Date.now()}`;
  await showInLanguage(page, "en", baseURL);
  await signInPatiently(page, E2E_SUPPORT_TECH);
  await page.goto("/staff/support");
  await page.getByRole("link", { name: "New phone ticket" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New phone ticket");
  await page.getByLabel("Company").selectOption({ label: E2E_TICKET_COMPANY });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: `Call from ${E2E_TICKET_COMPANY}` })).toBeVisible();

  const form = page.getByTestId("staff-ticket-form");
  await form.getByLabel("Subject").fill(subject);
  await form.getByLabel("What was said").fill("Henri called: the PDF export gives a blank page since Monday.");
  // Nobody chosen and no e-mail: refused next to the e-mail field, what was typed stays.
  await form.getByRole("button", { name: "Open the ticket" }).click();
  await expect(form.getByLabel("Caller’s e-mail")).toHaveAccessibleDescription(/Choose who called, or give their e-mail address\./);
  await expect(form.getByLabel("Subject")).toHaveValue(subject);

  await form.getByLabel("Caller", { exact: true }).selectOption({ label: `${E2E_TICKET_CALLER_NAME} (${E2E_TICKET_CALLER})` });
  await form.getByRole("radio", { name: /^Regular/ }).check();
  await form.getByRole("button", { name: "Open the ticket" }).click();
  await expect(page.getByTestId("ticket-opened")).toHaveText(/^Ticket T-\d+ is open; the support team was told by e-mail\.$/);
  const facts = page.getByTestId("ticket-facts");
  await expect(facts).toContainText(`${E2E_TICKET_CALLER_NAME} <${E2E_TICKET_CALLER}>`);
  await expect(facts).toContainText("Phone (staff)");
  await expect(page.getByTestId("ticket-message")).toContainText("the PDF export gives a blank page");
  await page.goto("/staff/support?status=all");
  await expect(page.getByTestId("queue-row").filter({ hasText: subject })).toContainText(E2E_TICKET_COMPANY);
});
