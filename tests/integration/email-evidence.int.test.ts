import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import TrackedLinkPage from "@/app/e/c/[token]/page";
import * as pixelRoute from "@/app/e/o/[token]/route";
import type { CalendarDate } from "@/domain/billing/calendar-date";
import { executeBillingRun } from "@/server/billing-runs/execute-billing-run";
import { startBillingRun } from "@/server/billing-runs/start-billing-run";
import { recordPayment } from "@/server/billing/record-payment";
import { getDb } from "@/server/db/client";
import { deliverOutboxEmail } from "@/server/mail/deliver-outbox";
import { emailEvidence, invoiceEmailEvidence } from "@/server/mail/email-evidence-repository";
import type { OutgoingMail } from "@/server/mail/transport";
import { getInvoiceTimeline } from "@/server/timelines/get-invoice-timeline";
import { getPortalInvoiceTimeline } from "@/server/timelines/get-portal-invoice-timeline";
import { getSubscriptionTimeline } from "@/server/timelines/get-subscription-timeline";
import { makeCustomer, makeProducts, makeStaff } from "../support/factories";

/**
 * E-mail evidence and timelines (ADR 0017) on a real database: the billing run's invoice and
 * reminder e-mails, the tracked link and pixel routes, delivery with the PDF, and what staff and
 * customers read on each timeline.
 */
const db = getDb();

beforeAll(() => {
  // Tracking tokens are signed with the app secret; without one e-mails go out untracked.
  process.env.NEXTAUTH_SECRET = "integration-only-secret-0123456789abcdef";
});
beforeEach(async () => {
  await db.$executeRaw`UPDATE billing_runs SET status = 'SUCCEEDED' WHERE status IN ('QUEUED', 'RUNNING')`;
});
afterEach(() => {
  delete process.env.SMTP_URL;
});

async function subscription(customerId: string, productId: string, start: string, end: string) {
  return db.subscription.create({
    data: {
      customerId,
      productId,
      description: `Serveur ${start}`,
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

async function runOn(asOf: string) {
  const at = new Date(`${asOf}T05:00:00Z`);
  const run = await startBillingRun(
    db,
    { asOf: asOf as CalendarDate, dryRun: false, requestedBy: "test" },
    asOf as CalendarDate,
    at,
    true,
  );
  expect((await executeBillingRun(db, run.id, () => at))?.status).toBe("SUCCEEDED");
}

const tokenIn = (html: string, kind: "c" | "o") => {
  const m = html.match(kind === "c" ? /\/e\/c\/([\w-]+\.[\w-]+)"/ : /\/e\/o\/([\w-]+\.[\w-]+\.gif)"/);
  if (!m?.[1]) throw new Error(`no ${kind} link in the e-mail`);
  return m[1];
};
/** Follows a tracked link: the page answers by throwing Next's redirect (or 404) signal; this returns its target. */
async function click(token: string): Promise<string> {
  try {
    await TrackedLinkPage({ params: Promise.resolve({ token }) });
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    const m = digest.match(/^NEXT_REDIRECT;replace;(.*);307;$/);
    if (m?.[1]) return m[1];
    throw e;
  }
  throw new Error("the tracked link neither redirected nor answered 404");
}
const pixel = (token: string) =>
  pixelRoute.GET(new Request(`http://comptoir.test/e/o/${token}`), { params: Promise.resolve({ token }) });
/** notFound() throws Next's 404 signal, which Next turns into the 404 page. */
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

describe("timelines after a billing run and a payment", () => {
  let invoiceId = "";
  let subscriptionId = "";
  let customerId = "";

  it("lists issued, e-mailed, reminded and paid, in order, each exactly once", async () => {
    const customer = await makeCustomer();
    customerId = customer.id;
    const { server } = await makeProducts();
    const sub = await subscription(customer.id, server.id, "2026-03-01", "2026-04-01");
    subscriptionId = sub.id;
    await runOn("2026-03-17"); // D-15: issued and e-mailed
    await runOn("2026-03-17"); // a re-run adds nothing
    await runOn("2026-03-22"); // D-10: reminded
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    invoiceId = invoice.id;
    await recordPayment(
      db,
      await makeStaff(),
      invoice.id,
      {
        amountMinor: Number(invoice.grossMinor),
        method: "TRANSFER",
        reference: "VIR-42",
        receivedOn: "2026-03-24",
      },
      new Date("2026-03-24T09:00:00Z"),
    );
    await runOn("2026-03-27"); // paid: no D-5 reminder
    await runOn("2026-04-01"); // the new period starts

    const timeline = (await getInvoiceTimeline(db, invoice.id)) ?? [];
    expect(timeline.map((e) => `${e.at.toISOString().slice(0, 10)} ${e.kind}`)).toEqual([
      "2026-03-17 ISSUED",
      "2026-03-17 EMAILED",
      "2026-03-22 REMINDER_SENT",
      "2026-03-22 EMAILED",
      "2026-03-24 PAYMENT_RECORDED",
    ]);
    expect(timeline.map((e) => e.cause)).toEqual([
      "billing run 2026-03-17",
      `invoice e-mail to ${customer.billingEmail} (kept in the outbox: no SMTP server)`,
      "billing run 2026-03-22: invoice unpaid",
      `payment reminder e-mail to ${customer.billingEmail} (kept in the outbox: no SMTP server)`,
      "payment TRANSFER 118.80 EUR",
    ]);
    // Each e-mail names the invoice, with the PDF to attach when it is sent (captured here: no SMTP).
    const emails = await db.outboundEmail.findMany({
      where: { invoiceId: invoice.id },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((m) => [m.template, m.status, m.attachments])).toEqual([
      [
        "renewalInvoice",
        "CAPTURED",
        [{ kind: "INVOICE_PDF", invoiceId: invoice.id, filename: `${invoice.number}.pdf` }],
      ],
      [
        "paymentReminder",
        "CAPTURED",
        [{ kind: "INVOICE_PDF", invoiceId: invoice.id, filename: `${invoice.number}.pdf` }],
      ],
    ]);

    const subTimeline = (await getSubscriptionTimeline(db, sub.id)) ?? [];
    expect(subTimeline.map((e) => e.kind)).toEqual([
      "ISSUED",
      "REMINDER_SENT",
      "PAYMENT_RECORDED",
      "PERIOD_STARTED",
    ]);
    expect(subTimeline.at(-1)?.cause).toBe("billing run 2026-04-01: period 2026-04-01 to 2026-04-30");
  });

  it("records a click once however often it is followed, redirects inside the app only, and counts opens", async () => {
    const renewal = await db.outboundEmail.findFirstOrThrow({
      where: { invoiceId, template: "renewalInvoice" },
    });
    const token = tokenIn(renewal.html, "c");
    expect(renewal.text).toContain(`/e/c/${token}`);
    for (let i = 0; i < 2; i++) expect(await click(token)).toBe(`/portal/invoices/${invoiceId}`);
    const open = await pixel(tokenIn(renewal.html, "o"));
    expect([open.status, open.headers.get("content-type"), open.headers.get("cache-control")]).toEqual([
      200,
      "image/gif",
      "no-store, no-cache, must-revalidate, private",
    ]);
    expect(
      Buffer.from(await open.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe("GIF89a");

    const events = await db.emailEvent.findMany({ where: { emailId: renewal.id }, orderBy: { kind: "asc" } });
    expect(events.map((e) => [e.kind, e.link, e.count])).toEqual([
      ["OPENED", "", 1],
      ["CLICKED", `/portal/invoices/${invoiceId}`, 2],
    ]);
    // What the invoice page and the outbox show: first times and counts per e-mail, and the
    // attachment's name even though no SMTP server ever sent it (CAPTURED).
    const evidence = await invoiceEmailEvidence(db, invoiceId);
    expect(
      evidence.map((m) => [
        m.template,
        m.status,
        m.deliveredAt,
        m.opens,
        m.clicks,
        m.attachments.map((a) => a.filename),
      ]),
    ).toEqual([
      ["paymentReminder", "CAPTURED", null, 0, 0, [expect.stringMatching(/\.pdf$/)]],
      ["renewalInvoice", "CAPTURED", null, 1, 2, [expect.stringMatching(/\.pdf$/)]],
    ]);
    // Other test files share the database and write newer e-mails: read this one's outbox row directly.
    expect(await emailEvidence(db, renewal.id)).toMatchObject({
      opens: 1,
      clicks: 2,
      firstClickedAt: expect.any(Date),
    });
    const kinds = ((await getInvoiceTimeline(db, invoiceId)) ?? []).map((e) => e.kind);
    expect(kinds.filter((k) => k === "CLICKED" || k === "OPENED").sort()).toEqual(["CLICKED", "OPENED"]);
  });

  it("answers 404 to a forged, re-signed or mangled token and records nothing", async () => {
    const renewal = await db.outboundEmail.findFirstOrThrow({
      where: { invoiceId, template: "renewalInvoice" },
    });
    const token = tokenIn(renewal.html, "c");
    const [, signature] = token.split(".");
    const toElsewhere = `${Buffer.from(JSON.stringify(["c", renewal.id, "//evil.example/"])).toString("base64url")}.${signature}`;
    const before = await db.emailEvent.count();
    for (const forged of [
      toElsewhere,
      `${token}x`,
      "not-a-token",
      "a\u0000b",
      tokenIn(renewal.html, "o").replace(/\.gif$/, ""),
    ]) {
      await expect(click(forged), forged).rejects.toEqual(NOT_FOUND);
    }
    await expect(pixel(`${token}.gif`)).rejects.toEqual(NOT_FOUND); // a click token is no open token
    await expect(pixel("forged.gif")).rejects.toEqual(NOT_FOUND);
    expect(await db.emailEvent.count()).toBe(before);
  });

  it("shows a customer their own invoice's timeline without the tracking, and nobody else's", async () => {
    const own = (await getPortalInvoiceTimeline(db, customerId, invoiceId)) ?? [];
    expect(own.map((e) => e.kind)).toEqual(["ISSUED", "EMAILED", "REMINDER_SENT", "PAYMENT_RECORDED"]);
    expect(own.find((e) => e.kind === "PAYMENT_RECORDED")).toMatchObject({
      amount: { minor: 11880, currency: "EUR" },
    });
    expect(JSON.stringify(own)).not.toMatch(/billing run|e-mail|TRANSFER/);
    const other = await makeCustomer();
    expect(await getPortalInvoiceTimeline(db, other.id, invoiceId)).toBeNull();
    expect(await getInvoiceTimeline(db, crypto.randomUUID())).toBeNull();
    expect(await getSubscriptionTimeline(db, crypto.randomUUID())).toBeNull();
    expect(subscriptionId).not.toBe("");
  });
});

describe("a reminder delivered over SMTP", () => {
  it("carries the invoice PDF and the link to pay, and its acceptance is on the timeline", async () => {
    const customer = await makeCustomer({ locale: "en" });
    const { server } = await makeProducts();
    await subscription(customer.id, server.id, "2026-07-01", "2026-08-01");
    await runOn("2026-07-17");
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // queued as PENDING; the fake transport below sends it
    await runOn("2026-07-22");
    const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    const reminder = await db.outboundEmail.findFirstOrThrow({
      where: { invoiceId: invoice.id, template: "paymentReminder" },
    });
    expect(reminder.status).toBe("PENDING");

    const sent: OutgoingMail[] = [];
    const fake = {
      send: async (m: OutgoingMail) => {
        sent.push(m);
        return { response: "250 2.0.0 Ok: queued as FAKE42" };
      },
    };
    const at = new Date("2026-07-22T05:00:30Z");
    expect(await deliverOutboxEmail(db, reminder.id, () => at, fake)).toBe("sent");
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(
      mail?.attachments?.map((a) => [a.filename, a.contentType, a.content.subarray(0, 5).toString()]),
    ).toEqual([[`${invoice.number}.pdf`, "application/pdf", "%PDF-"]]);
    // The button and the text both lead, through the tracked redirect, to the invoice's page to pay it.
    const token = tokenIn(mail?.html ?? "", "c");
    expect(mail?.text).toContain(`http://comptoir.test/e/c/${token}`);
    expect(mail?.html).toContain("Pay the invoice");
    expect(await click(token)).toBe(`/portal/invoices/${invoice.id}`);

    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: reminder.id } })).toMatchObject({
      status: "SENT",
      sentAt: at,
      smtpResponse: "250 2.0.0 Ok: queued as FAKE42",
    });
    const delivered = ((await getInvoiceTimeline(db, invoice.id)) ?? []).filter(
      (e) => e.kind === "DELIVERED",
    );
    expect(delivered).toEqual([
      expect.objectContaining({
        at,
        emailId: reminder.id,
        cause: "accepted by the mail server: 250 2.0.0 Ok: queued as FAKE42",
      }),
    ]);
  });
});
