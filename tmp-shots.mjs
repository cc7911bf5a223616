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
for (const width of [1280]) {
  const claire = await signedIn("claire@dupont.example", width);
  await claire.goto(`${base}/portal/support`);
  await claire.waitForTimeout(1000);
  await claire.screenshot({ path: `/tmp/banks/portal-${width}.png`, fullPage: true });
  const tech = await signedIn("support@comptoir.example", width);
  await tech.goto(`${base}/staff/customers?q=Dupont`);
  await tech.getByRole("link", { name: "Boulangerie Dupont SARL" }).first().click();
  await tech.getByTestId("customer-support-link").click();
  await tech.getByTestId("time-entry-form").waitFor();
  await tech.screenshot({ path: `/tmp/banks/tech-${width}.png`, fullPage: true });
}
await browser.close();
