import { describe, expect, it } from "vitest";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { acceptPurchaseOrder, declinePurchaseOrder } from "@/server/orders/decide-purchase-order";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { sendPurchaseOrder } from "@/server/orders/send-purchase-order";
import { changeSubscriptionStatusByHand } from "@/server/subscriptions/change-status-by-hand";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { listCustomerSubscriptions, subscriptionHistory } from "@/server/subscriptions/subscription-repository";
import { makeCustomer, makeCustomerUser, makeProducts, makeStaff } from "../support/factories";
import { codeOf } from "../support/helpers";

const db = getDb();
const jan31 = new Date("2026-01-31T10:00:00Z");

async function sentOrder() {
  const customer = await makeCustomer();
  const staff = await makeStaff(["BILLING"]);
  const user = await makeCustomerUser(customer.id, "OWNER");
  const { server, setup } = await makeProducts();
  const { orderId, number } = await createPurchaseOrder(
    db,
    staff,
    { customerId: customer.id, notes: "", lines: [{ productId: server.id, cycle: "MONTHLY", quantity: "2" }, { productId: setup.id, quantity: "1" }] },
    jan31,
  );
  await sendPurchaseOrder(db, staff, orderId, jan31);
  return { customer, staff, orderId, number, actor: { id: user.id, email: user.email, customerId: customer.id }, server, setup };
}

describe("purchase orders", () => {
  it("prices lines from the catalogue and is numbered from its own sequence", async () => {
    const { orderId, number, customer } = await sentOrder();
    expect(number).toMatch(/^BC2026-\d{5}$/);
    const po = await findPurchaseOrder(db, orderId, { customerId: customer.id });
    expect(po?.lines.map((l) => [l.unitAmountMinor, l.quantity, l.cycle, l.netMinor])).toEqual([
      [9900, "2", "MONTHLY", 19800],
      [5000, "1", null, 5000],
    ]);
  });

  it("accepting creates the subscriptions and issues the first invoice with the first service period", async () => {
    const { orderId, actor, customer } = await sentOrder();
    const { invoiceId, invoiceNumber } = await acceptPurchaseOrder(db, actor, orderId, jan31);
    expect(invoiceNumber).toMatch(/^F2026-/);
    const subs = await listCustomerSubscriptions(db, customer.id);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ status: "ACTIVE", cycle: "MONTHLY", quantity: "2", currentPeriod: { start: "2026-01-31", end: "2026-02-28" }, nextRenewal: "2026-02-28" });
    const invoice = await findInvoiceDetail(db, { customerId: customer.id }, invoiceId);
    expect(invoice?.lines.map((l) => l.period)).toEqual([{ start: "2026-01-31", end: "2026-02-28" }, null]);
    expect(invoice).toMatchObject({ status: "OPEN", netMinor: 24800, taxMinor: 4960, grossMinor: 29760 });
    expect((await findPurchaseOrder(db, orderId, { customerId: customer.id }))?.status).toBe("ACCEPTED");
    expect(await codeOf(acceptPurchaseOrder(db, actor, orderId, jan31))).toBe("INVALID_TRANSITION");
  });

  it("accepts once when two clicks race", async () => {
    const { orderId, actor, customer } = await sentOrder();
    const results = await Promise.allSettled([acceptPurchaseOrder(db, actor, orderId, jan31), acceptPurchaseOrder(db, actor, orderId, jan31)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await db.subscription.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("another company's user cannot see, accept or decline the order", async () => {
    const { orderId } = await sentOrder();
    const other = await makeCustomer();
    const stranger = await makeCustomerUser(other.id);
    const actor = { id: stranger.id, email: stranger.email, customerId: other.id };
    expect(await findPurchaseOrder(db, orderId, { customerId: other.id })).toBeNull();
    expect(await codeOf(acceptPurchaseOrder(db, actor, orderId, jan31))).toBe("NOT_FOUND");
    expect(await codeOf(declinePurchaseOrder(db, actor, orderId, "Too expensive", jan31))).toBe("NOT_FOUND");
  });

  it("customers never see drafts, and a declined order creates nothing", async () => {
    const customer = await makeCustomer();
    const staff = await makeStaff(["BILLING"]);
    const user = await makeCustomerUser(customer.id);
    const { setup } = await makeProducts();
    const { orderId } = await createPurchaseOrder(db, staff, { customerId: customer.id, notes: "", lines: [{ productId: setup.id, quantity: "1" }] }, jan31);
    expect(await findPurchaseOrder(db, orderId, { customerId: customer.id })).toBeNull();
    await sendPurchaseOrder(db, staff, orderId, jan31);
    await declinePurchaseOrder(db, { id: user.id, email: user.email, customerId: customer.id }, orderId, "Not needed any more", jan31);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("cannot be accepted once its validity is over; the last valid day still counts", async () => {
    const { orderId, actor, customer } = await sentOrder();
    const po = await findPurchaseOrder(db, orderId, { customerId: customer.id });
    // Sent Jan 31 in the customer's calendar (Europe/Paris, the factory's default), valid 30 days.
    expect(po).toMatchObject({ validityDays: 30, validUntil: "2026-03-02" });
    expect(await codeOf(acceptPurchaseOrder(db, actor, orderId, new Date("2026-03-02T23:30:00Z")))).toBe("ORDER_EXPIRED"); // already Mar 3 in Paris
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(0);
    expect((await findPurchaseOrder(db, orderId, { customerId: customer.id }))?.status).toBe("SENT");
    expect(await codeOf(acceptPurchaseOrder(db, actor, orderId, new Date("2026-03-02T22:30:00Z")))).toBe("OK"); // 23:30 on Mar 2 in Paris
  });

  it("a lapsed order can still be declined", async () => {
    const { orderId, actor } = await sentOrder();
    expect(await codeOf(declinePurchaseOrder(db, actor, orderId, "Too late for us", new Date("2026-06-01T00:00:00Z")))).toBe("OK");
  });

  it("declining needs a reason, which is kept on the order for staff and in the audit log", async () => {
    const { orderId, actor, customer } = await sentOrder();
    expect(await codeOf(declinePurchaseOrder(db, actor, orderId, "   ", jan31))).toBe("VALIDATION_FAILED");
    expect((await findPurchaseOrder(db, orderId, { staff: true }))?.status).toBe("SENT");
    await declinePurchaseOrder(db, actor, orderId, "  We chose another provider.  ", jan31);
    expect(await findPurchaseOrder(db, orderId, { staff: true })).toMatchObject({ status: "DECLINED", declineReason: "We chose another provider.", decidedAt: jan31 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: orderId, action: "purchase_order.declined" } });
    expect(audit).toMatchObject({ customerId: customer.id, actorUserId: actor.id });
    expect(audit.details).toMatchObject({ reason: "We chose another provider." });
  });

  it("the decision contract refuses a decline without a reason", async () => {
    const { ZDecidePurchaseOrderInput } = await import("@/contracts/billing");
    const orderId = "00000000-0000-4000-8000-000000000000";
    expect(ZDecidePurchaseOrderInput.safeParse({ orderId, decision: "decline" }).success).toBe(false);
    expect(ZDecidePurchaseOrderInput.safeParse({ orderId, decision: "decline", reason: " " }).success).toBe(false);
    expect(ZDecidePurchaseOrderInput.safeParse({ orderId, decision: "decline", reason: "No budget" }).success).toBe(true);
    expect(ZDecidePurchaseOrderInput.safeParse({ orderId, decision: "accept" }).success).toBe(true);
  });

  it("totals an order like an invoice: tax per rate, total incl. tax", async () => {
    const { orderId, customer } = await sentOrder();
    expect(await findPurchaseOrder(db, orderId, { customerId: customer.id })).toMatchObject({
      totalNetMinor: 24800,
      taxLines: [{ taxRateBp: 2000, netMinor: 24800, taxMinor: 4960 }],
      totalTaxMinor: 4960,
      totalGrossMinor: 29760,
    });
  });

  it("refuses a recurring line without cycle", async () => {
    const customer = await makeCustomer();
    const staff = await makeStaff(["BILLING"]);
    const { server } = await makeProducts();
    expect(await codeOf(createPurchaseOrder(db, staff, { customerId: customer.id, notes: "", lines: [{ productId: server.id, quantity: "1" }] }, jan31))).toBe("VALIDATION_FAILED");
  });
});

describe("subscriptions", () => {
  it("start with an anchored first period and keep a history of every status change", async () => {
    const customer = await makeCustomer();
    const staff = await makeStaff(["BILLING"]);
    const { server } = await makeProducts();
    const { subscriptionId } = await createSubscription(db, staff, { customerId: customer.id, productId: server.id, cycle: "ANNUAL", quantity: "1", startDate: "2028-02-29" }, jan31);
    const [sub] = await listCustomerSubscriptions(db, customer.id);
    expect(sub).toMatchObject({ unitAmountMinor: 99000, currentPeriod: { start: "2028-02-29", end: "2029-02-28" } });
    // Statuses follow invoices and payments: by hand only where an administrator allowed it for the group.
    expect(await codeOf(changeSubscriptionStatusByHand(db, staff, subscriptionId, "suspend", "abuse report", jan31))).toBe("MANUAL_STATUS_CHANGES_DISABLED");
    const group = await db.customerGroup.create({ data: { name: `manual-${subscriptionId}`, manualStatusChanges: true } });
    await db.customer.update({ where: { id: customer.id }, data: { groupId: group.id } });
    await changeSubscriptionStatusByHand(db, staff, subscriptionId, "suspend", "abuse report", jan31);
    await changeSubscriptionStatusByHand(db, staff, subscriptionId, "reinstate", "abuse handled", jan31);
    expect(await codeOf(changeSubscriptionStatusByHand(db, staff, subscriptionId, "terminate", "x", jan31))).toBe("INVALID_TRANSITION");
    const history = await subscriptionHistory(db, customer.id, subscriptionId);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      [null, "ACTIVE", "created by staff"],
      ["ACTIVE", "SUSPENDED", "MANUAL: abuse report"],
      ["SUSPENDED", "ACTIVE", "MANUAL: abuse handled"],
    ]);
    const events = await db.billingEvent.findMany({ where: { subscriptionId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, e.cause])).toEqual([
      ["SUSPENDED", "MANUAL"],
      ["REINSTATED", "MANUAL"],
    ]);
  });
});
