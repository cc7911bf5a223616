import { expect, type Page, test } from "@playwright/test";
import { showInLanguage, signIn } from "./support";

const PHONE = { width: 390, height: 844 };

/**
 * Issue 13, item 14: on a 390 px phone a list never scrolls sideways to hide what matters. The
 * named columns are fully on screen in every row shown, and no number or amount breaks across lines.
 */
async function expectKeyColumnsOnScreen(page: Page, path: string, rowTestId: string, keys: string[]) {
  await page.goto(path);
  const rows = page.getByTestId(rowTestId);
  await expect(rows.first(), path).toBeVisible();
  // The first table holding such a row (the sites page has one table per site).
  const table = page.locator("table").filter({ has: rows.first() }).first();
  const report = await table.evaluate(
    (t, { keys, width }) => {
      const headers = [...t.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
      const problems: string[] = [];
      const box = t.parentElement;
      if (box && box.scrollWidth > box.clientWidth)
        problems.push(`scrolls sideways by ${box.scrollWidth - box.clientWidth}px`);
      const onScreen = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left >= 0 && r.right <= width;
      };
      for (const key of keys) {
        const column = headers.indexOf(key);
        if (column < 0) {
          problems.push(`no column "${key}" in ${headers.join(" | ")}`);
          continue;
        }
        const heading = t.querySelectorAll("thead th")[column];
        if (!heading || !onScreen(heading)) problems.push(`heading "${key}" off screen`);
        for (const row of [...t.querySelectorAll("tbody tr")].slice(0, 10)) {
          const cell = row.querySelectorAll("td")[column];
          if (!cell || !onScreen(cell))
            problems.push(`"${key}" cell "${cell?.textContent?.trim()}" off screen`);
        }
      }
      // A number (document number, date, amount) is drawn on one line: its text's boxes share one top.
      for (const el of t.querySelectorAll("tbody .tabular-nums")) {
        if (el.getClientRects().length === 0) continue; // hidden on a phone
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`"${el.textContent?.trim()}" breaks across ${lines.size} lines`);
      }
      return problems;
    },
    { keys, width: PHONE.width },
  );
  expect(report, path).toEqual([]);
}

test("staff lists at 390 px keep number, date, amount and status on screen", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "admin@comptoir.example"); // at desktop width: the phone header folds the account into a menu
  await page.setViewportSize(PHONE);
  await expectKeyColumnsOnScreen(page, "/staff/customers", "customer-row", ["Company", "Users"]);
  await expectKeyColumnsOnScreen(page, "/staff/invoices", "invoice-row", [
    "Number",
    "Total",
    "Left to pay",
    "Status",
  ]);
  await expectKeyColumnsOnScreen(page, "/staff/orders", "order-row", ["Number", "Date", "Status"]);
  await expectKeyColumnsOnScreen(page, "/staff/credit-notes", "credit-note-row", [
    "Number",
    "Issued",
    "Amount",
  ]);
  await expectKeyColumnsOnScreen(page, "/staff/payments", "payment-row", ["Received", "Invoice", "Amount"]);
  await page.screenshot({ path: "test-results/staff-payments-390.png", fullPage: true });
});

test("portal lists at 390 px keep number, total, balance and status on screen", async ({ page, baseURL }) => {
  await showInLanguage(page, "en", baseURL);
  await signIn(page, "lucia@solymar.example");
  await page.setViewportSize(PHONE);
  await expectKeyColumnsOnScreen(page, "/portal/invoices", "invoice-row", [
    "Number",
    "Total",
    "Left to pay",
    "Status",
  ]);
  await expectKeyColumnsOnScreen(page, "/portal/sites", "site-subscription", ["Service", "Status", "Next renewal"]);
  await expectKeyColumnsOnScreen(page, "/portal/credit-notes", "credit-note-row", [
    "Number",
    "Issued",
    "Amount",
  ]);
  await expectKeyColumnsOnScreen(page, "/portal/orders", "order-row", [
    "Number",
    "Status",
    "Total excl. tax",
  ]);
  await expectKeyColumnsOnScreen(page, "/portal/subscriptions", "subscription-row", [
    "Service",
    "Status",
    "Price excl. tax",
  ]);
  await page.screenshot({ path: "test-results/portal-subscriptions-390.png", fullPage: true });
});
