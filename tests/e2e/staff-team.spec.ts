import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 13, item 8: an admin changes a colleague's roles. Leaving none, or removing one's own admin
// role, is refused next to the roles; nothing changes. The support account ends as it started.
test("an admin gives support staff the billing role and takes it back; an empty or self-demoting choice is refused", async ({
  page,
}) => {
  await signIn(page, "admin@comptoir.example");
  const nav = page.getByRole("navigation", { name: "main" });
  await nav.getByRole("button", { name: "Administration" }).click();
  await nav.getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff");

  const roles = (name: string) => page.getByRole("group", { name: `Roles of ${name}` });
  const sofia = roles("Sofía Soporte");
  const save = (name: string) =>
    page
      .getByTestId("staff-row")
      .filter({ has: roles(name) })
      .getByRole("button", { name: "Save roles" });
  await expect(sofia.getByRole("checkbox", { name: "Support" })).toBeChecked();
  await expect(sofia.getByRole("checkbox", { name: "Billing" })).not.toBeChecked();

  await sofia.getByRole("checkbox", { name: "Billing" }).check();
  await save("Sofía Soporte").click();
  await expect(page.getByTestId("staff-row").filter({ has: sofia }).getByTestId("roles-saved")).toHaveText(
    "Roles saved.",
  );
  await page.reload();
  await expect(sofia.getByRole("checkbox", { name: "Billing" })).toBeChecked();
  await expect(sofia.getByRole("checkbox", { name: "Support" })).toBeChecked();

  // No role at all: refused next to the roles, and the saved roles stay.
  await sofia.getByRole("checkbox", { name: "Billing" }).uncheck();
  await sofia.getByRole("checkbox", { name: "Support" }).uncheck();
  await save("Sofía Soporte").click();
  await expect(sofia).toHaveAttribute("aria-invalid", "true");
  await expect(sofia).toHaveAccessibleDescription("Keep at least one role.");
  await page.reload();
  await expect(sofia.getByRole("checkbox", { name: "Billing" })).toBeChecked();
  await expect(sofia.getByRole("checkbox", { name: "Support" })).toBeChecked();

  // An admin cannot remove their own admin role.
  const alice = roles("Alice Admin");
  await alice.getByRole("checkbox", { name: "Admin" }).uncheck();
  await alice.getByRole("checkbox", { name: "Billing" }).check();
  await save("Alice Admin").click();
  await expect(alice).toHaveAccessibleDescription(
    "You cannot remove your own administrator role: ask another administrator.",
  );
  await page.reload();
  await expect(alice.getByRole("checkbox", { name: "Admin" })).toBeChecked();
  await expect(alice.getByRole("checkbox", { name: "Billing" })).not.toBeChecked();

  // Support staff get their one role back.
  await sofia.getByRole("checkbox", { name: "Billing" }).uncheck();
  await save("Sofía Soporte").click();
  await expect(page.getByTestId("staff-row").filter({ has: sofia }).getByTestId("roles-saved")).toBeVisible();
  await page.reload();
  await expect(sofia.getByRole("checkbox", { name: "Billing" })).not.toBeChecked();
  await expect(sofia.getByRole("checkbox", { name: "Support" })).toBeChecked();
});
