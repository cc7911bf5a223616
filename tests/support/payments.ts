import { issueInvoice } from "@/server/billing/issue-invoice";
import { getDb } from "@/server/db/client";
import type { RootDb } from "@/server/db/types";
import { applyPaymentEvent, PaymentEventNotReady } from "@/server/payments/apply-payment-event";
import { listUnprocessedInboxIds } from "@/server/payments/payment-event-repository";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { makeCustomer, makeCustomerUser, makeDraftInvoice, makeStaff } from "./factories";

/** An issued (OPEN) invoice of 172.75 EUR for a new or given customer, issued on `issuedAt`. */
export async function makeOpenInvoice(opts: { customerId?: string; issuedAt?: Date } = {}) {
  const staff = await makeStaff(["BILLING"]);
  const { invoiceId, customerId } = await makeDraftInvoice({
    staff,
    ...(opts.customerId ? { customerId: opts.customerId } : {}),
  });
  await issueInvoice(getDb(), staff, invoiceId, opts.issuedAt ?? new Date("2026-01-15T09:00:00Z"));
  return { invoiceId, customerId, staff };
}

/** A customer company with one portal user acting for it. */
export async function makeCustomerActor(customerId?: string) {
  const id = customerId ?? (await makeCustomer()).id;
  const user = await makeCustomerUser(id);
  return { id: user.id, email: user.email, customerId: id };
}

/** What the job worker does: applies every unprocessed inbox event, oldest first (one that is not ready stays). */
export async function applyPendingPaymentEvents(db: RootDb, provider: PaymentProvider, now = new Date()) {
  const outcomes: string[] = [];
  for (const id of await listUnprocessedInboxIds(db, 100, 1000, provider.name)) {
    try {
      outcomes.push(await applyPaymentEvent(db, provider, id, now));
    } catch (e) {
      if (!(e instanceof PaymentEventNotReady)) throw e;
      outcomes.push("not-ready");
    }
  }
  return outcomes;
}
