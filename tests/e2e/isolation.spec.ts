import { expect, test } from "@playwright/test";
import { signIn, userId } from "./support";

test("a customer user sees their colleagues but gets a 404 for another company's user", async ({ page }) => {
  await signIn(page, "lucia@solymar.example");
  const colleague = await page.goto(`/portal/team/${userId("john@solymar.example")}`);
  expect(colleague?.status()).toBe(200);
  await expect(page.getByTestId("member-email")).toHaveText("john@solymar.example");

  const stranger = await page.goto(`/portal/team/${userId("marc@dupont.example")}`);
  expect(stranger?.status()).toBe(404);
  await expect(page.getByText("marc@dupont.example")).toHaveCount(0);

  const staffPage = await page.goto("/staff/customers");
  expect(page.url()).toMatch(/\/portal$/);
  expect(staffPage?.status()).toBe(200);
});
