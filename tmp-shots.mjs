import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3201";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
async function signedIn(email, width) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
  const page = await ctx.newPage();
  await page.goto(`${base}/signin`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill("comptoir-demo-2026");
  await page.locator("[data-testid=signin-form] button[type=submit]").click();
  await page.getByTestId("signed-in-as").waitFor({ state: "attached", timeout: 30000 });
  return page;
}
for (const width of [390]) {
  const claire = await signedIn("claire@dupont.example", width);
  await claire.goto(`${base}/portal/support`);
  await claire.waitForTimeout(1000);
  await claire.screenshot({ path: `/tmp/banks/portal-${width}.png`, fullPage: true });
  const lucia = await signedIn("lucia@solymar.example", width);
  await lucia.goto(`${base}/portal/support`);
  await lucia.screenshot({ path: `/tmp/banks/portal-empty-${width}.png`, fullPage: true });
  const billing = await signedIn("billing@comptoir.example", width);
  await billing.goto(`${base}/staff/customers?q=Dupont`);
  await billing.getByRole("link", { name: "Boulangerie Dupont SARL" }).first().click();
  await billing.getByTestId("customer-support-link").click();
  await billing.getByTestId("support-title").waitFor();
  await billing.screenshot({ path: `/tmp/banks/staff-${width}.png`, fullPage: true });
  await billing.goto(`${base}/staff/catalogue`);
  await billing.getByTestId("bank-tiers-link").first().click();
  await billing.getByTestId("tiers-form").waitFor();
  await billing.screenshot({ path: `/tmp/banks/tiers-${width}.png`, fullPage: true });
  const tech = await signedIn("support@comptoir.example", width);
  await tech.goto(billing.url().replace(/\/staff\/catalogue.*/, "/staff/customers"));
}
await browser.close();
