import { randomUUID } from "node:crypto";
import type { CustomerRoleName, StaffRoleName } from "@/domain/auth/roles";
import { hashPassword } from "@/server/auth/password-hashing";
import { getDb } from "@/server/db/client";

/** Factories: each call makes new rows with unique e-mails, so tests never collide. */
const unique = () => randomUUID().slice(0, 8);
export const TEST_PASSWORD = "correct horse battery";
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

export async function makeCustomer(overrides: Partial<{ legalName: string; locale: string }> = {}) {
  return getDb().customer.create({
    data: { legalName: overrides.legalName ?? `Company ${unique()}`, billingEmail: `billing-${unique()}@example.com`, locale: overrides.locale ?? "fr" },
  });
}

export async function makeStaff(roles: StaffRoleName[] = ["BILLING"]) {
  return getDb().user.create({
    data: { email: `staff-${unique()}@example.com`, name: "Staff Member", kind: "STAFF", staffRoles: roles, passwordHash: await passwordHash() },
  });
}

export async function makeCustomerUser(customerId: string, role: CustomerRoleName = "MEMBER") {
  return getDb().user.create({
    data: {
      email: `user-${unique()}@example.com`,
      name: `User ${unique()}`,
      kind: "CUSTOMER",
      customerId,
      customerRole: role,
      passwordHash: await passwordHash(),
    },
  });
}

export const uniqueEmail = (label = "person") => `${label}-${unique()}@example.com`;
export const ctx = { ip: "203.0.113.7", userAgent: "vitest" };

/** A draft invoice with two lines (20 % service with a period, 5.5 % one-off) for a new or given customer. */
export async function makeDraftInvoice(opts: { customerId?: string; staff?: { id: string; email: string; name: string } } = {}) {
  const { createDraftInvoice } = await import("@/server/billing/create-draft-invoice");
  const customerId = opts.customerId ?? (await makeCustomer()).id;
  const staff = opts.staff ?? (await makeStaff(["BILLING"]));
  const { invoiceId } = await createDraftInvoice(
    getDb(),
    staff,
    {
      customerId,
      notes: "",
      lines: [
        { description: "Serveur dédié — Paris", quantity: "1", unitAmountMinor: 10000, taxRateBp: 2000, periodStart: "2026-01-01", periodEnd: "2026-02-01" },
        { description: "Installation", quantity: "2.5", unitAmountMinor: 2000, taxRateBp: 550 },
      ],
    },
    new Date("2026-01-01T10:00:00Z"),
  );
  return { invoiceId, customerId, staff };
}

/** A recurring product priced monthly and annually in EUR, and a one-off product. */
export async function makeProducts() {
  const db = getDb();
  const server = await db.product.create({
    data: {
      code: `SRV-${unique()}`,
      kind: "DEDICATED_SERVER",
      name: "Serveur dédié",
      taxRateBp: 2000,
      prices: { create: [{ cycle: "MONTHLY", currency: "EUR", unitAmountMinor: 9900n }, { cycle: "ANNUAL", currency: "EUR", unitAmountMinor: 99000n }] },
    },
  });
  const setup = await db.product.create({
    data: { code: `SETUP-${unique()}`, kind: "ONE_OFF", name: "Mise en service", taxRateBp: 2000, prices: { create: [{ cycle: null, currency: "EUR", unitAmountMinor: 5000n }] } },
  });
  return { server, setup };
}

/**
 * A monthly subscription of 99.00 EUR at 20 % whose current period is [start, end) (dates as
 * YYYY-MM-DD), straight in the database: the billing run and payment tests start from one.
 */
export async function makeSubscription(customerId: string, productId: string, start: string, end: string, description = "Serveur") {
  return getDb().subscription.create({
    data: {
      customerId,
      productId,
      description,
      quantity: "1",
      unitAmountMinor: 9900n,
      currency: "EUR",
      taxRateBp: 2000,
      cycle: "MONTHLY",
      anchorDay: Number(start.slice(8, 10)),
      currentPeriodStart: new Date(`${start}T00:00:00Z`),
      currentPeriodEnd: new Date(`${end}T00:00:00Z`),
    },
  });
}
