import { expect, test } from "@playwright/test";
import { E2E_SUSPENDED_CUSTOMER } from "./fixtures/totp";
import { fixture, showInLanguage, signIn } from "./support";

for (const locale of ["fr", "en", "es"] as const) {
  test(`shots ${locale}`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await showInLanguage(page, locale, baseURL);
    await signIn(page, "billing@comptoir.example");
    const pages = [
      ["runs", "/staff/billing-runs"],
      ["run", `/staff/billing-runs/${fixture().billingRunId}`],
      ["preview", "/staff/billing-runs/preview?days=45"],
      ["groups", "/staff/groups"],
      ["group", `/staff/groups/${fixture().groupId}`],
    ];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, url] of pages) {
        await page.goto(url ?? "/");
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `test-results/shots/${name}-${locale}-${width}.png`, fullPage: true });
      }
    }
    const customer = await page.context().browser()?.newPage();
    if (!customer) return;
    await showInLanguage(customer, locale, baseURL);
    await signIn(customer, E2E_SUSPENDED_CUSTOMER);
    expect(customer.url()).toContain("/portal");
  });
}
