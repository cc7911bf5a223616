import { expect, test } from "@playwright/test";

// Issue 13, items 4 and 6: a nonce-based CSP (no 'unsafe-inline' scripts) under which the pages still
// hydrate, no framing, and a server action posted from another site is a 403, not a 500.

test("pages carry a fresh nonce CSP, forbid framing, and still hydrate", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const first = await page.goto("/signin");
  const csp = first?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(first?.headers()["x-frame-options"]).toBe("DENY");
  const second = await page.request.get("/signin");
  expect(second.headers()["content-security-policy"]).not.toBe(csp); // one nonce per response

  // Hydrated: the language switcher is a client component whose change re-renders the page in French.
  await page.getByTestId("language-switcher").selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  expect(violations).toEqual([]);
});

test("a server action posted from another site, or with a malformed Origin, is refused with 403", async ({ page, baseURL }) => {
  await page.goto("/signin");
  const post = (origin: string) =>
    page.request.post("/signin", { headers: { origin, "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8" }, data: '["fr"]' });
  expect((await post("https://evil.example")).status()).toBe(403);
  expect((await post("not a url")).status()).toBe(403);
  // Our own origin reaches Next (an unknown action id is Next's own 404, not our 403).
  expect((await post(baseURL ?? "")).status()).not.toBe(403);
});
