import type { CheckoutPurpose, CheckoutStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/types";

/** An open invoice of the caller's company, with what is left to pay on it. */
export interface PayableInvoiceRow {
  id: string;
  number: string | null;
  currency: string;
  dueDate: Date | null;
  status: string;
  grossMinor: bigint;
  paidMinor: bigint;
  creditedMinor: bigint;
}

/** The caller's invoices among `ids` (another company's are simply not found). */
export async function invoicesOfCustomer(
  db: Db,
  customerId: string,
  ids: string[],
): Promise<PayableInvoiceRow[]> {
  return db.invoice.findMany({
    where: { customerId, id: { in: ids } },
    select: {
      id: true,
      number: true,
      currency: true,
      dueDate: true,
      status: true,
      grossMinor: true,
      paidMinor: true,
      creditedMinor: true,
    },
  });
}

export interface CheckoutRow {
  id: string;
  customerId: string;
  provider: string;
  providerIntentId: string | null;
  idempotencyKey: string;
  purpose: CheckoutPurpose;
  status: CheckoutStatus;
  amountMinor: bigint;
  currency: string;
  saveMethod: boolean;
  savedMethodId: string | null;
  failureCode: string | null;
  lastEventAt: Date | null;
  settledAt: Date | null;
  createdAt: Date;
}

const CHECKOUT = {
  id: true,
  customerId: true,
  provider: true,
  providerIntentId: true,
  idempotencyKey: true,
  purpose: true,
  status: true,
  amountMinor: true,
  currency: true,
  saveMethod: true,
  savedMethodId: true,
  failureCode: true,
  lastEventAt: true,
  settledAt: true,
  createdAt: true,
} as const;

export const findCheckoutByKey = (db: Db, key: string): Promise<CheckoutRow | null> =>
  db.checkout.findUnique({ where: { idempotencyKey: key }, select: CHECKOUT });

export const findCheckout = (db: Db, id: string, customerId?: string): Promise<CheckoutRow | null> =>
  db.checkout.findFirst({ where: { id, ...(customerId ? { customerId } : {}) }, select: CHECKOUT });

export const findCheckoutByIntent = (
  db: Db,
  provider: string,
  intentId: string,
): Promise<CheckoutRow | null> =>
  db.checkout.findFirst({ where: { provider, providerIntentId: intentId }, select: CHECKOUT });

/**
 * Creates the checkout and what it is for, unless one with this key exists (a double click racing
 * this one): the unique key decides, the loser's insert does nothing. The caller reads it back by key.
 */
export async function insertCheckoutIfAbsent(
  db: Db,
  c: {
    customerId: string;
    provider: string;
    idempotencyKey: string;
    purpose: CheckoutPurpose;
    amountMinor: bigint;
    currency: string;
    saveMethod: boolean;
    savedMethodId: string | null;
    createdById: string | null;
    createdAt: Date;
    invoices: { invoiceId: string; amountMinor: bigint }[];
  },
): Promise<boolean> {
  const { invoices, ...checkout } = c;
  const [row] = await db.checkout.createManyAndReturn({
    data: [checkout],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!row) return false;
  await db.checkoutInvoice.createMany({ data: invoices.map((i) => ({ checkoutId: row.id, ...i })) });
  return true;
}

/** Links the provider's intent to the checkout (the same intent whoever of two racing requests gets there). */
export async function setCheckoutIntent(db: Db, id: string, intentId: string): Promise<void> {
  await db.checkout.updateMany({
    where: { id, providerIntentId: null },
    data: { providerIntentId: intentId },
  });
}

/** Locks a checkout for its settlement or progress: events about one checkout apply one at a time. */
export async function lockCheckout(db: Db, id: string): Promise<{ id: string } | null> {
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM checkouts WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function updateCheckoutProgress(
  db: Db,
  id: string,
  p: {
    status: CheckoutStatus;
    lastEventAt: Date;
    failureCode?: string | null;
    settledAt?: Date;
    savedMethodId?: string;
  },
): Promise<void> {
  await db.checkout.update({ where: { id }, data: p });
}

/** The invoices a checkout was for, in the form the allocation reads, with their balances as they are now. */
export async function checkoutInvoicesNow(db: Db, checkoutId: string): Promise<PayableInvoiceRow[]> {
  const rows = await db.checkoutInvoice.findMany({
    where: { checkoutId },
    select: {
      invoice: {
        select: {
          id: true,
          number: true,
          currency: true,
          dueDate: true,
          status: true,
          grossMinor: true,
          paidMinor: true,
          creditedMinor: true,
        },
      },
    },
  });
  return rows.map((r) => r.invoice);
}

export async function providerCustomerRef(
  db: Db,
  customerId: string,
  provider: string,
): Promise<string | null> {
  const row = await db.providerCustomer.findUnique({
    where: { customerId_provider: { customerId, provider } },
    select: { providerCustomerId: true },
  });
  return row?.providerCustomerId ?? null;
}

/** Keeps the customer's identity at the provider; the provider's idempotency made racing creations return the same one. */
export async function saveProviderCustomerRef(
  db: Db,
  customerId: string,
  provider: string,
  ref: string,
  at: Date,
): Promise<void> {
  await db.providerCustomer.createMany({
    data: [{ customerId, provider, providerCustomerId: ref, createdAt: at }],
    skipDuplicates: true,
  });
}

export async function customerByProviderRef(db: Db, provider: string, ref: string): Promise<string | null> {
  const row = await db.providerCustomer.findUnique({
    where: { provider_providerCustomerId: { provider, providerCustomerId: ref } },
    select: { customerId: true },
  });
  return row?.customerId ?? null;
}

export async function billingContactOf(db: Db, customerId: string) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { id: true, legalName: true, billingEmail: true, locale: true, timeZone: true, currency: true },
  });
}
