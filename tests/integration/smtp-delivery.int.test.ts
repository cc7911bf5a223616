import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { inviteCustomerUser } from "@/server/invitations/invite-customer-user";
import { deliverOutboxEmail } from "@/server/mail/deliver-outbox";
import { ctx, makeCustomer, makeStaff, uniqueEmail } from "../support/factories";

interface Received {
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
const db = getDb();

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("e-mail delivery over SMTP", () => {
  it("sends an outbox message exactly once, even when two workers run together", async () => {
    const customer = await makeCustomer({ legalName: "Façade & Cie" });
    const staff = await makeStaff();
    const email = uniqueEmail("smtp");
    await inviteCustomerUser(db, staff, { customerId: customer.id, email, role: "OWNER", locale: "fr" }, ctx, new Date());
    const pending = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } });
    expect(pending.status).toBe("PENDING");

    const outcomes = await Promise.all([deliverOutboxEmail(db, pending.id), deliverOutboxEmail(db, pending.id)]);
    expect(outcomes.sort()).toEqual(["sent", "skipped"]);

    const mine = received.filter((m) => m.to.includes(email));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.raw).toMatch(/Content-Type: text\/plain/);
    expect(mine[0]?.raw).toMatch(/Content-Type: text\/html/);
    expect(mine[0]?.raw).toContain("invitation?token=");
    const row = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await deliverOutboxEmail(db, pending.id)).toBe("skipped");
  });

  it("keeps a message pending with the error when the server refuses it, then gives up after five tries", async () => {
    const email = uniqueEmail("refused");
    const customer = await makeCustomer();
    const staff = await makeStaff();
    await inviteCustomerUser(db, staff, { customerId: customer.id, email, role: "MEMBER", locale: "en" }, ctx, new Date());
    const { id } = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } });
    const failing = { send: async () => Promise.reject(new Error("550 mailbox unavailable")) };
    for (let i = 0; i < 4; i++) expect(await deliverOutboxEmail(db, id, () => new Date(), failing)).toBe("retry");
    expect(await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } })).toMatchObject({ status: "PENDING", attempts: 4, lastError: "550 mailbox unavailable" });
    expect(await deliverOutboxEmail(db, id, () => new Date(), failing)).toBe("failed");
    expect(await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } })).toMatchObject({ status: "FAILED", attempts: 5 });
    expect(await deliverOutboxEmail(db, id, () => new Date(), failing)).toBe("skipped");
  });
});
