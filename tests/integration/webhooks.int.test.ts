import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { toErrorState } from "@/app/_lib/action-state";
import { ZCreateWebhookEndpointInput, webhookEndpointFormInput } from "@/contracts/webhooks";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { WEBHOOK_EVENT_TYPES } from "@/domain/webhooks/event-types";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { recordPayment } from "@/server/billing/record-payment";
import { voidInvoice } from "@/server/billing/void-invoice";
import { getDb } from "@/server/db/client";
import { type JobQueue, startJobQueue } from "@/server/jobs/job-queue";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { replayWebhookDelivery } from "@/server/webhooks/replay-webhook-delivery";
import { revealWebhookSecret } from "@/server/webhooks/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/server/webhooks/rotate-webhook-secret";
import { setWebhookEndpointActive } from "@/server/webhooks/set-webhook-endpoint-active";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/server/webhooks/webhook-signature";
import { makeCustomer, makeDraftInvoice, makeProducts, makeStaff, makeSubscription } from "../support/factories";

const databaseUrl = inject("databaseUrl");
const db = getDb();

/** A receiver on a local port: records every request, answers with the next scripted status (200 when none is left). */
interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let script: number[] = [];
let receiver: http.Server;
let url = "";

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = script.shift() ?? 200;
      res.end(res.statusCode === 200 ? "ok" : "try later");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});

const running: JobQueue[] = [];
beforeEach(async () => {
  received.length = 0;
  script = [];
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((q) => q.stop()));
  // Later test files write billing events too: no endpoint of ours may outlive its test.
  await db.webhookEndpoint.deleteMany({});
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function startQueue(retryBaseMs = 30_000, maxAttempts?: number) {
  const queue = await startJobQueue(databaseUrl, {
    pollingIntervalSeconds: 0.5,
    poolSize: 3,
    concurrency: 2,
    webhooks: { retryBaseMs, maxAttempts, timeoutMs: 5000 },
  });
  running.push(queue);
  return queue;
}

async function waitFor<T>(
  what: string,
  read: () => Promise<T> | T,
  done: (v: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until)
      throw new Error(
        `gave up waiting for ${what}; last seen: ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function runOn(asOf: CalendarDate) {
  const run = await startBillingRun(
    db,
    { asOf, dryRun: false, requestedBy: "test" },
    asOf,
    new Date(`${asOf}T05:00:00Z`),
    true,
  );
  expect((await executeBillingRun(db, run.id, () => new Date(`${asOf}T05:00:00Z`)))?.status).toBe(
    "SUCCEEDED",
  );
}

async function endpoint(eventTypes: string[] = []) {
  const admin = await makeStaff(["ADMIN"]);
  const { endpointId } = await createWebhookEndpoint(
    db,
    admin,
    { url, description: "provisioning", eventTypes: eventTypes as never },
    new Date(),
  );
  const { secret } = await revealWebhookSecret(db, admin, endpointId, new Date());
  return { admin, endpointId, secret };
}

const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

describe("outgoing webhooks", () => {
  it("the database names each billing event kind as the domain does", async () => {
    for (const [kind, type] of Object.entries(WEBHOOK_EVENT_TYPES)) {
      const [row] = await db.$queryRaw<{ t: string | null }[]>`SELECT webhook_event_type(${kind}) AS t`;
      expect(row?.t, kind).toBe(type);
    }
    const [other] = await db.$queryRaw<{ t: string | null }[]>`SELECT webhook_event_type('EMAILED') AS t`;
    expect(other?.t).toBeNull();
  });

  it("a suspension by the billing run reaches the endpoint once, signed, even when the run is re-run", async () => {
    const { endpointId, secret } = await endpoint(["subscription.suspended"]);
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    const sub = await makeSubscription(customer.id, server.id, "2027-03-01", "2027-04-01");
    await runOn("2027-03-17" as CalendarDate); // the renewal invoice, due April 1
    await runOn("2027-04-03" as CalendarDate); // D+2: suspended
    await startQueue();
    // The run bills every customer of the shared test database: follow this test's customer only.
    const ours = () => received.filter((r) => JSON.parse(r.body).data?.customerId === customer.id);
    const [first] = await waitFor("the suspension", ours, (r) => r.length >= 1);
    await runOn("2027-04-03" as CalendarDate); // the same day again: no new event, no new delivery
    const queue = running[0];
    await queue?.webhooks.sweepNow();
    await new Promise((r) => setTimeout(r, 1500));
    expect(ours()).toHaveLength(1);
    const deliveries = (await deliveriesOf(endpointId)).filter((d) => (d.payload as { data?: { customerId?: string } }).data?.customerId === customer.id);
    expect(deliveries).toMatchObject([{ status: "SUCCEEDED", attempts: 1, eventType: "subscription.suspended" }]);

    const body = JSON.parse(first?.body ?? "{}");
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(
      verifyWebhookSignature(
        secret,
        first?.body ?? "",
        String(first?.headers[SIGNATURE_HEADER.toLowerCase()]),
        new Date(),
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        secret,
        `${first?.body} `,
        String(first?.headers[SIGNATURE_HEADER.toLowerCase()]),
        new Date(),
      ),
    ).toBe(false);
    expect(first?.headers["comptoir-event-id"]).toBe(body.id);
    expect(body).toMatchObject({
      type: "subscription.suspended",
      data: { customerId: customer.id, cause: expect.any(String), details: { subscriptionIds: [sub.id] } },
    });
    expect(body.data.invoiceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a receiver answering 500 twice then 200 gets three attempts, spaced by the backoff, recorded on the row; a replay sends it again", async () => {
    const { admin, endpointId } = await endpoint();
    script = [500, 500, 200];
    const { invoiceId } = await makeDraftInvoice();
    await issueInvoice(db, admin, invoiceId, new Date());
    await startQueue(300);
    const [delivery] = await waitFor(
      "three attempts",
      () => deliveriesOf(endpointId),
      (d) => d[0]?.status === "SUCCEEDED",
    );
    expect(delivery).toMatchObject({
      eventType: "invoice.issued",
      attempts: 3,
      replays: 0,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["comptoir-event-id"])).size).toBe(1);
    // Waits of at least 300 ms, then 600 ms (the schedule's base in this test).
    expect((received[1]?.at ?? 0) - (received[0]?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect((received[2]?.at ?? 0) - (received[1]?.at ?? 0)).toBeGreaterThanOrEqual(590);

    const replayed = await replayWebhookDelivery(db, admin, endpointId, delivery?.id ?? "", () => new Date());
    expect(replayed).toEqual({ outcome: "succeeded", statusCode: 200 });
    expect(received).toHaveLength(4);
    expect(received[3]?.headers["comptoir-event-id"]).toBe(received[0]?.headers["comptoir-event-id"]);
    expect(await deliveriesOf(endpointId)).toMatchObject([{ status: "SUCCEEDED", attempts: 4, replays: 1 }]);

    // After a rotation, a replay is signed with the new secret only.
    const { secret } = await rotateWebhookSecret(db, admin, endpointId, new Date());
    await replayWebhookDelivery(db, admin, endpointId, delivery?.id ?? "", () => new Date());
    const last = received.at(-1);
    expect(
      verifyWebhookSignature(
        secret,
        last?.body ?? "",
        String(last?.headers["comptoir-signature"]),
        new Date(),
      ),
    ).toBe(true);
  });

  it("gives up after the last attempt: the delivery is FAILED, and a failed replay keeps it so", async () => {
    const { admin, endpointId } = await endpoint();
    script = [503, 503, 503];
    const { invoiceId } = await makeDraftInvoice();
    await issueInvoice(db, admin, invoiceId, new Date());
    await startQueue(100, 3);
    const [d] = await waitFor(
      "the last attempt",
      () => deliveriesOf(endpointId),
      (x) => x[0]?.status === "FAILED",
    );
    expect(d).toMatchObject({
      attempts: 3,
      lastStatusCode: 503,
      lastError: "HTTP 503",
      responseExcerpt: "try later",
      nextAttemptAt: null,
    });
    await new Promise((r) => setTimeout(r, 1000)); // nothing more is tried after the last attempt
    expect(received).toHaveLength(3);
    script = [500];
    expect(await replayWebhookDelivery(db, admin, endpointId, d?.id ?? "", () => new Date())).toEqual({
      outcome: "failed",
      statusCode: 500,
    });
    expect(await deliveriesOf(endpointId)).toMatchObject([
      {
        status: "FAILED",
        attempts: 4,
        replays: 1,
        lastStatusCode: 500,
        lastError: "HTTP 500",
        nextAttemptAt: null,
      },
    ]);
  });

  it("records payments, credit notes, voids and manual issues as billing events, once each, and fans them out only to active subscribed endpoints", async () => {
    const active = await endpoint();
    const issuedOnly = await endpoint(["invoice.issued"]);
    const disabled = await endpoint();
    await setWebhookEndpointActive(db, disabled.admin, disabled.endpointId, false, new Date());

    const { invoiceId, staff } = await makeDraftInvoice();
    await issueInvoice(db, staff, invoiceId, new Date());
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const { paymentId } = await recordPayment(
      db,
      staff,
      invoiceId,
      { amountMinor: 1000, method: "TRANSFER", reference: "VIR 1", receivedOn: "2026-01-05" },
      new Date(),
    );
    const { creditNoteId } = await createCreditNote(
      db,
      staff,
      invoiceId,
      { mode: "amount", grossMinor: 500, reason: "Geste" },
      new Date(),
    );
    const other = await makeDraftInvoice({ staff });
    await issueInvoice(db, staff, other.invoiceId, new Date());
    await voidInvoice(db, staff, other.invoiceId, "issued by mistake", new Date());

    const events = await db.billingEvent.findMany({
      where: { invoiceId: { in: [invoiceId, other.invoiceId] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.key, e.kind])).toEqual([
      [`invoice:${invoiceId}:issued`, "ISSUED"],
      [`payment:${paymentId}`, "PAYMENT_RECORDED"],
      [`credit-note:${creditNoteId}`, "CREDITED"],
      [`invoice:${other.invoiceId}:issued`, "ISSUED"],
      [`invoice:${other.invoiceId}:voided`, "VOIDED"],
    ]);
    expect(events[1]?.details).toMatchObject({ paymentId, amountMinor: 1000, currency: invoice.currency });

    expect((await deliveriesOf(active.endpointId)).map((d) => d.eventType)).toEqual([
      "invoice.issued",
      "invoice.payment_recorded",
      "invoice.credited",
      "invoice.issued",
      "invoice.voided",
    ]);
    expect((await deliveriesOf(issuedOnly.endpointId)).map((d) => d.eventType)).toEqual([
      "invoice.issued",
      "invoice.issued",
    ]);
    expect(await deliveriesOf(disabled.endpointId)).toEqual([]);
    // A disabled endpoint cannot be replayed to either.
    const one = (await deliveriesOf(active.endpointId))[0];
    await setWebhookEndpointActive(db, active.admin, active.endpointId, false, new Date());
    await expect(
      replayWebhookDelivery(db, active.admin, active.endpointId, one?.id ?? "", () => new Date()),
    ).rejects.toMatchObject({ code: "WEBHOOK_ENDPOINT_DISABLED" });
    await expect(
      replayWebhookDelivery(db, active.admin, issuedOnly.endpointId, one?.id ?? "", () => new Date()),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(received).toHaveLength(0);
  });

  it("a disabled endpoint's pending deliveries wait, and go out once it is enabled again", async () => {
    const { admin, endpointId } = await endpoint();
    const { invoiceId } = await makeDraftInvoice();
    await issueInvoice(db, admin, invoiceId, new Date());
    await setWebhookEndpointActive(db, admin, endpointId, false, new Date());
    const queue = await startQueue();
    await queue.webhooks.sweepNow();
    await new Promise((r) => setTimeout(r, 1500));
    expect(received).toHaveLength(0);
    expect(await deliveriesOf(endpointId)).toMatchObject([{ status: "PENDING", attempts: 0 }]);
    await setWebhookEndpointActive(db, admin, endpointId, true, new Date());
    await queue.webhooks.sweepNow();
    await waitFor(
      "the delivery",
      () => deliveriesOf(endpointId),
      (d) => d[0]?.status === "SUCCEEDED",
    );
    expect(received).toHaveLength(1);
  });

  it("a renewal invoice has one ISSUED event: the billing run's", async () => {
    const customer = await makeCustomer();
    const { server } = await makeProducts();
    await makeSubscription(customer.id, server.id, "2027-06-01", "2027-07-01");
    await runOn("2027-06-16" as CalendarDate);
    const issued = await db.billingEvent.findMany({ where: { customerId: customer.id, kind: "ISSUED" } });
    expect(issued).toHaveLength(1);
    expect(issued[0]?.key).not.toMatch(/^invoice:/);
  });

  it("refuses an endpoint URL that is not http(s), with the reason on the url field", () => {
    for (const [typed, code] of [
      ["ftp://files.example.com/", "URL_SCHEME"],
      ["hooks.example.com", "NOT_A_URL"],
      ["http://169.254.169.254/", "URL_BLOCKED_HOST"],
      ["https://a:b@example.com/", "URL_CREDENTIALS"],
    ]) {
      const parsed = ZCreateWebhookEndpointInput.safeParse(
        webhookEndpointFormInput({ url: typed ?? "", description: "" }),
      );
      expect(parsed.success).toBe(false);
      expect(toErrorState(parsed.error)).toEqual({
        status: "error",
        code: "VALIDATION_FAILED",
        fields: { url: code },
      });
    }
    const unknownType = ZCreateWebhookEndpointInput.safeParse(
      webhookEndpointFormInput({ url, "event.invoice.exploded": "on" }),
    );
    expect(unknownType.success).toBe(false);
    expect(
      ZCreateWebhookEndpointInput.parse(
        webhookEndpointFormInput({ url, description: " x ", "event.invoice.issued": "on" }),
      ),
    ).toEqual({ url, description: "x", eventTypes: ["invoice.issued"] });
  });
});
