import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { verifyWebhookSignature } from "@/server/webhooks/webhook-signature";
import { signIn } from "./support";

// Issue 15, "Runs on their own": an admin adds a webhook endpoint (a refused URL is explained next to
// the field), reveals its secret, and after a payment replays the delivery to a local receiver, which
// checks the signature with that secret. The e2e server runs no job worker, so the delivery waits
// as Pending until the replay sends it.

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let receiver: http.Server;
let hookUrl = "";

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/provisioning`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test("an admin adds a webhook endpoint, reveals its secret and replays a payment event to it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "admin@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Administration" }).click();
  await nav.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");

  // A URL the browser accepts but Comptoir does not: the reason shows under the field.
  const form = page.getByTestId("webhook-endpoint-form");
  await form.getByLabel("URL").fill("ftp://files.example.com/hooks");
  await form.getByLabel("Description").fill("Provisioning");
  await form.getByRole("checkbox", { name: /Payment recorded/ }).check();
  await form.getByRole("button", { name: "Add the endpoint" }).click();
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("URL")).toHaveAccessibleDescription(
    /Use an address starting with https:\/\/ or http:\/\/\./,
  );
  // What was typed is still there, the checkbox too.
  await expect(form.getByLabel("Description")).toHaveValue("Provisioning");
  await expect(form.getByRole("checkbox", { name: /Payment recorded/ })).toBeChecked();

  await form.getByLabel("URL").fill(hookUrl);
  await form.getByRole("button", { name: "Add the endpoint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hookUrl);
  await expect(page.getByTestId("webhook-created")).toContainText("Endpoint added.");
  const endpointPage = page.url().replace(/\?.*$/, "");
  await expect(page.getByTestId("webhook-secret-value")).toHaveCount(0);
  await page.getByRole("button", { name: "Reveal the secret" }).click();
  const secret = (await page.getByTestId("webhook-secret-value").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  await expect(page.getByText("No delivery yet")).toBeVisible();
  // The endpoint page passes the accessibility checks at both widths (accessibility.spec.ts runs
  // before any endpoint exists).
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await expect(page.locator("h1")).toHaveCount(1);
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} @${width}`),
    ).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // A payment on an open invoice is an invoice.payment_recorded event.
  await page.goto("/staff/invoices?status=OPEN");
  await page.getByTestId("invoice-row").first().getByRole("link").first().click();
  const pay = page.getByTestId("payment-form");
  await pay.getByLabel("Amount").fill("1,00");
  await page.getByTestId("record-payment").click();
  await page.locator("dialog[open]").getByRole("button", { name: "Record the payment" }).click();
  await expect(pay.getByTestId("action-ok")).toHaveText("Payment recorded.");

  await page.goto(endpointPage);
  const row = page.getByTestId("webhook-delivery-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Payment recorded");
  await expect(row).toContainText("Pending");
  const eventId = ((await row.locator("code").textContent()) ?? "").trim();
  expect(eventId).toMatch(/^evt_\d+$/);

  await row.getByRole("button", { name: "Replay" }).click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog.getByTestId("confirm-summary")).toHaveText(
    `Send event ${eventId} (invoice.payment_recorded) to ${hookUrl} again now? The receiver gets the same event id.`,
  );
  await dialog.getByRole("button", { name: "Send it again" }).click();
  await expect(row.getByTestId("action-ok")).toHaveText("Sent again: the receiver answered 200.");

  expect(received).toHaveLength(1);
  const [hook] = received;
  expect(hook?.headers["comptoir-event-id"]).toBe(eventId);
  expect(
    verifyWebhookSignature(secret, hook?.body ?? "", String(hook?.headers["comptoir-signature"]), new Date()),
  ).toBe(true);
  expect(JSON.parse(hook?.body ?? "{}")).toMatchObject({
    id: eventId,
    type: "invoice.payment_recorded",
    data: { details: { amountMinor: 100 } },
  });

  await page.reload();
  await expect(page.getByTestId("webhook-delivery-row")).toContainText("Delivered");

  // Rotating the secret asks first, then shows the new one.
  await page.getByRole("button", { name: "Rotate the secret" }).click();
  await expect(page.locator("dialog[open]").getByTestId("confirm-summary")).toContainText(
    `Replace the secret of ${hookUrl}?`,
  );
  await page.locator("dialog[open]").getByRole("button", { name: "Yes, replace it" }).click();
  await expect(page.getByTestId("webhook-secret-rotated")).toHaveText(
    "New secret, in use from now on: copy it to the receiving system.",
  );
  const rotated = (await page.getByTestId("webhook-secret-value").textContent())?.trim() ?? "";
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
});
