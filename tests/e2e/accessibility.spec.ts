import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_ACCESS_QUESTION, E2E_ACCESS_SLUG } from "./fixtures/access";
import { E2E_SUPPORT_TECH } from "./fixtures/support-tickets";
import { E2E_TERMS_PENDING_CUSTOMER } from "./fixtures/totp";
import { fixture, PASSWORD, showInLanguage, signIn } from "./support";

// Every page of the app (the routes under src/app), at a desktop and a phone width, for each kind of
// reader: axe finds no serious or critical violation, the page has one h1, and the first Tab reaches
// the skip link.
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface Finding {
  url: string;
  width: number;
  rule: string;
  impact: string | null | undefined;
  targets: string[];
}

async function checkPages(page: Page, urls: string[]) {
  const findings: Finding[] = [];
  const structure: string[] = [];
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status(), `${url} answers`).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
      const h1 = await page.locator("h1").count();
      if (h1 !== 1) structure.push(`${url} @${size.width}: ${h1} h1`);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);
      if (first !== "skip-link") structure.push(`${url} @${size.width}: first Tab reaches ${first}, not the skip link`);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of results.violations) {
        if (v.impact !== "serious" && v.impact !== "critical") continue;
        findings.push({ url, width: size.width, rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) });
      }
    }
  }
  expect(structure, "one h1 per page and a skip link first").toEqual([]);
  expect(findings, "serious or critical axe violations").toEqual([]);
}

const dupont = () => {
  const data = fixture();
  const customer = data.customers.find((c) => c.legalName.includes("Dupont"));
  const documents = data.documents.find((d) => d.customerId === customer?.id);
  if (!customer || !documents) throw new Error("no Dupont fixture");
  return documents;
};

test("signed-out pages", async ({ page }) => {
  test.setTimeout(120_000);
  await checkPages(page, ["/signin", "/forgot-password", "/reset-password", "/invitation", "/billing-email/confirm/not-a-link-anyone-was-sent", `/access/${E2E_ACCESS_SLUG}`, "/access/no-such-group"]);
});

test("the access request's tabs, signed out", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.goto(`/access/${E2E_ACCESS_SLUG}`);
  await page.getByLabel("I have read and accept the terms and conditions").check();
  await page.getByRole("button", { name: "Start my request" }).click();
  await expect(page).toHaveURL(/\/access\/r\/[\w-]+\?tab=contact$/);
  const resume = new URL(page.url()).pathname;
  await checkPages(page, ["terms", "contact", "company", "questions", "status"].map((tab) => `${resume}?tab=${tab}`));
  // Filled and sent, so that the staff pages below have a request waiting to show.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${resume}?tab=contact`);
  await page.getByLabel("Your name").fill("Axel Access");
  await page.getByLabel("Your e-mail address").fill(`axel-${Date.now()}@access.example`);
  await page.getByLabel("Your phone number").fill("+33 6 12 34 56 78");
  await page.getByRole("button", { name: "Save this step" }).click();
  await page.getByLabel("Company name").fill(`Axe Access ${Date.now()}`);
  await page.getByLabel("Tax ID").fill("98-7654321");
  await page.getByRole("button", { name: "Save this step" }).click();
  await page.getByLabel(E2E_ACCESS_QUESTION).fill("Two");
  await page.getByRole("button", { name: "Save this step" }).click();
  // How the public pages look, for a person to review (test-results/ux/).
  for (const locale of ["en", "fr"] as const) {
    await showInLanguage(page, locale, baseURL);
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      for (const [path, name] of [
        [`/access/${E2E_ACCESS_SLUG}`, "start"],
        [`${resume}?tab=company`, "company"],
        [`${resume}?tab=status`, "status"],
      ] as const) {
        await page.goto(path);
        await page.screenshot({ path: `test-results/ux/access-${name}-${size.width}-${locale}.png`, fullPage: true });
      }
    }
  }
  await showInLanguage(page, "en", baseURL);
  await page.getByTestId("access-submit").click();
  await page.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("access-submitted")).toBeVisible();
});

test("every portal page, as a customer owner", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "claire@dupont.example");
  const d = dupont();
  await page.goto("/portal/team");
  const members = page.locator('main a[href^="/portal/team/"]');
  const member = (await members.count()) > 0 ? await members.first().getAttribute("href") : null;
  await page.goto("/portal/messages"); // the fixture gives Dupont one thread
  const thread = await page.locator('main a[href^="/portal/messages/"]').first().getAttribute("href");
  // A checkout page needs a checkout: "Pay" on an open invoice creates one (and pays nothing).
  await page.goto("/portal/invoices?status=OPEN");
  await page.getByTestId("pay-row").first().click();
  await expect(page).toHaveURL(/\/portal\/checkouts\/[0-9a-f-]{36}$/);
  const checkout = new URL(page.url()).pathname;
  await checkPages(page, [
    checkout,
    "/portal/payment-methods",
    "/portal/payment-methods/new",
    "/portal",
    "/portal/invoices",
    `/portal/invoices/${d.invoiceId}`,
    "/portal/credit-notes",
    `/portal/credit-notes/${d.creditNoteId}`,
    "/portal/orders",
    `/portal/orders/${d.orderId}`,
    "/portal/subscriptions",
    "/portal/sites",
    "/portal/team",
    member ?? "/portal/team",
    "/portal/settings",
    "/portal/messages",
    thread ?? "/portal/messages",
    "/portal/support",
  ]);
});

// The gate before the portal: a customer user whose group published terms they have not accepted
// (the closed-portal page is checked in portal-rules.spec.ts, which turns a group's portal off).
test("the accept-terms page", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/signin");
  await page.locator("#email").fill(E2E_TERMS_PENDING_CUSTOMER);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  await expect(page).toHaveURL(/\/accept-terms$/);
  await checkPages(page, ["/accept-terms"]);
});

const billingPages = () => {
  const d = dupont();
  return [
    "/staff",
    "/staff/customers",
    "/staff/customers/new",
    `/staff/customers/${d.customerId}`,
    `/staff/customers/${d.customerId}/edit`,
    `/staff/customers/${d.customerId}/support`,
    "/staff/invoices",
    "/staff/orders",
    "/staff/credit-notes",
    "/staff/payments",
    "/staff/payments/reconciliation",
    "/staff/payments/autopay",
    `/staff/invoices/${d.invoiceId}`,
    `/staff/invoices/new?customerId=${d.customerId}`,
    `/staff/credit-notes/${d.creditNoteId}`,
    `/staff/orders/${d.orderId}`,
    `/staff/orders/new?customerId=${d.customerId}`,
    ...(d.subscriptionId ? [`/staff/subscriptions/${d.subscriptionId}`] : []),
    "/staff/catalogue",
    "/staff/security",
    "/staff/billing-runs",
    `/staff/billing-runs/${fixture().billingRunId}`,
    "/staff/billing-runs/preview?days=60",
    "/staff/groups",
    `/staff/groups/${fixture().groupId}`,
    "/staff/access-requests",
    `/staff/groups/${fixture().groupId}?tab=portal`,
    `/staff/groups/${fixture().groupId}?tab=customers&q=a`,
  ];
};

/** The staff side of the fixture's secure-message thread. */
async function staffThread(page: Page): Promise<string[]> {
  await page.goto("/staff/messages");
  const href = await page.locator('main a[href^="/staff/messages/"]').first().getAttribute("href");
  return ["/staff/messages", "/staff/messages?show=unassigned", ...(href ? [href] : [])];
}

test("every staff page open to billing staff", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "billing@comptoir.example");
  await page.goto("/staff/access-requests");
  const requests = page.locator('main a[href^="/staff/access-requests/"]');
  const request = (await requests.count()) > 0 ? await requests.first().getAttribute("href") : null;
  // The hour bank product's tiers (issue 18).
  await page.goto("/staff/catalogue");
  const tiers = await page.getByTestId("bank-tiers-link").first().getAttribute("href");
  await checkPages(page, [...billingPages(), ...(request ? [request] : []), ...(tiers ? [tiers] : []), ...(await staffThread(page))]);
});

test("every staff page, as an admin", async ({ page }) => {
  test.setTimeout(400_000);
  await signIn(page, "admin@comptoir.example");
  await page.goto("/staff/outbox");
  const emails = page.locator('main a[href^="/staff/outbox/"]'); // the fresh e2e database may have sent none yet
  const email = (await emails.count()) > 0 ? await emails.first().getAttribute("href") : null;
  await page.goto("/staff/settings/webhooks");
  const endpoints = page.locator('main a[href^="/staff/settings/webhooks/"]'); // webhooks.spec.ts checks an endpoint page itself
  const endpoint = (await endpoints.count()) > 0 ? await endpoints.first().getAttribute("href") : null;
  await checkPages(page, [
    ...billingPages(),
    "/staff/outbox",
    ...(email ? [email] : []),
    "/staff/audit",
    "/staff/api-tokens",
    "/staff/team",
    "/staff/settings/company",
    "/staff/settings/webhooks",
    ...(endpoint ? [endpoint] : []),
  ]);
});

/** How far the header's row spills past its box (one row that does not fit overflows instead of growing). */
const overflow = (p: Page) =>
  p.getByTestId("header-row").evaluate((row) => {
    const box = row.getBoundingClientRect();
    const right = Math.max(...[...row.querySelectorAll("a, button, select, span")].map((e) => e.getBoundingClientRect().right));
    return Math.max(row.scrollWidth - row.clientWidth, right - box.right);
  });

test("the header: one row at 1280 px, a Menu button at 390 px, the current page marked", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  // One sign-in per person (the admin's one-time code cannot be used twice); the language is switched per browser.
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "admin@comptoir.example");
  const customer = await (await browser.newContext({ baseURL })).newPage();
  await customer.setViewportSize({ width: 1280, height: 800 });
  await signIn(customer, "claire@dupont.example");
  for (const locale of ["en", "fr"] as const) {
    await showInLanguage(page, locale, baseURL);
    await showInLanguage(customer, locale, baseURL);
    await page.setViewportSize({ width: 1280, height: 800 });
    const header = page.locator("header").first();
    await page.goto("/staff/invoices");
    expect((await header.boundingBox())?.height, `staff header height at 1280 (${locale})`).toBeLessThan(80);
    expect(await overflow(page), `staff header overflow at 1280 (${locale})`).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: "main" }).locator('[aria-current="page"]')).toHaveAttribute("href", "/staff/invoices");
    await page.screenshot({ path: `test-results/ux/staff-invoices-1280-${locale}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect((await header.boundingBox())?.height, `staff header height at 390 (${locale})`).toBeLessThan(80);
    await page.screenshot({ path: `test-results/ux/staff-invoices-390-${locale}.png`, fullPage: true });
    const menu = page.getByTestId("menu-button");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "main" })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const controlled = await menu.getAttribute("aria-controls");
    await expect(page.locator(`[id="${controlled}"]`)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "main" }).locator('[aria-current="page"]')).toBeVisible();
    await page.screenshot({ path: `test-results/ux/staff-menu-390-${locale}.png`, fullPage: true });

    const portalHeader = customer.locator("header").first();
    for (const [path, name] of [
      ["/portal", "portal-home"],
      ["/portal/invoices", "portal-invoices"],
    ] as const) {
      await customer.setViewportSize({ width: 1280, height: 800 });
      await customer.goto(path);
      expect((await portalHeader.boundingBox())?.height, `portal header height at 1280 (${locale})`).toBeLessThan(80);
      expect(await overflow(customer), `portal header overflow at 1280 (${locale})`).toBeLessThanOrEqual(0);
      await expect(customer.getByRole("navigation", { name: "main" }).locator('[aria-current="page"]')).toHaveAttribute("href", path);
      await customer.screenshot({ path: `test-results/ux/${name}-1280-${locale}.png`, fullPage: true });
      await customer.setViewportSize({ width: 390, height: 844 });
      await customer.reload();
      expect((await portalHeader.boundingBox())?.height, `portal header height at 390 (${locale})`).toBeLessThan(80);
      if (path === "/portal/invoices") {
        // Number, total, balance and status stay visible on a phone, and amounts stay on one line.
        const row = customer.getByTestId("invoice-row").first();
        await expect(row.getByRole("link")).toBeVisible();
        await expect(row.getByTestId("invoice-status")).toBeVisible();
        const amounts = row.locator("td.tabular-nums.text-right");
        await expect(amounts).toHaveCount(2);
        for (const cell of await amounts.all()) {
          await expect(cell).toBeVisible();
          await expect(cell).toHaveCSS("white-space", "nowrap");
        }
      }
      await customer.screenshot({ path: `test-results/ux/${name}-390-${locale}.png`, fullPage: true });
    }
  }
  await customer.context().close();
});

// Support tickets (issue 18): the fixture gives Dupont one ticket, so every page has something to show.
test("every support ticket page: the customer's, the technician's, and a survey link that is not one", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  await signIn(page, "claire@dupont.example");
  await page.goto("/portal/support/tickets");
  const ticket = await page.locator('main a[href^="/portal/support/tickets/"]').first().getAttribute("href");
  await checkPages(page, ["/portal/support/tickets", ticket ?? "/portal/support/tickets", "/survey/not-a-survey-link-0000000000"]);
  const staff = await (await browser.newContext({ baseURL })).newPage();
  await signIn(staff, E2E_SUPPORT_TECH);
  await staff.goto("/staff/support?status=all");
  const staffTicket = await staff.locator('main a[href^="/staff/support/tickets/"]:not([href$="/new"])').first().getAttribute("href");
  await checkPages(staff, [
    "/staff/support",
    "/staff/support?status=all&urgency=URGENT",
    "/staff/support/tickets/new",
    `/staff/support/tickets/new?customerId=${dupont().customerId}`,
    "/staff/support/surveys",
    staffTicket ?? "/staff/support",
  ]);
  await staff.context().close();
});
