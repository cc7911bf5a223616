import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { ZCreateCustomerInput } from "@/contracts/customers";
import { requestHash, withIdempotency } from "@/server/api/idempotency";
import { createApiToken } from "@/server/api/manage-api-tokens";
import type { StaffActor } from "@/server/auth/actor";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { listInvoices } from "@/server/billing/invoice-list";
import { findInvoiceDetail } from "@/server/billing/invoice-queries";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { findCustomerSummary } from "@/server/customers/customer-repository";
import { createCustomer } from "@/server/customers/manage-customers";
import { createPrismaClient } from "@/server/db/client";
import { startEmbeddedPostgres } from "../../tools/lib/embedded-postgres.mjs";
import { deployMigrations } from "../../tools/prisma-engine/migrations.mjs";

// The embedded database that `npm start` runs without DATABASE_URL, driven through the app's own
// Prisma client and pool by many clients at once. The PGlite socket server of earlier versions
// interleaved the connections' statements on one session: a burst like this one failed with 08P01
// and 34000 errors, and where parameter counts matched, silently ran one request with another's values.
const CLIENTS = 24;
const OPERATIONS_PER_CLIENT = 14;
const now = new Date("2026-03-02T10:00:00Z");

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let db: PrismaClient;
let staff: StaffActor;
let tokenId: string;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  await deployMigrations({ url: embedded.url });
  db = createPrismaClient(embedded.url);
  const user = await db.user.create({ data: { email: `burst-${randomUUID()}@example.com`, name: "Burst Staff", kind: "STAFF", staffRoles: ["BILLING"] } });
  staff = { id: user.id, email: user.email, name: user.name };
  await createApiToken(db, null, "burst", now);
  tokenId = (await db.apiToken.findFirstOrThrow({ where: { name: "burst" } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await embedded?.stop();
});

type Acknowledged =
  | { kind: "customer"; customerId: string; legalName: string }
  | { kind: "invoice"; customerId: string; invoiceId: string; number: string; description: string }
  | { kind: "read"; customerId: string; seen: number }
  | { kind: "idempotent"; key: string; status: number; ran: boolean };

const draftInput = (customerId: string, description: string, amount: number) => ({
  customerId,
  notes: "",
  lines: [{ description, quantity: "1", unitAmountMinor: amount, taxRateBp: 2000, periodStart: "2026-03-01", periodEnd: "2026-04-01" }],
});

/** One client: its own customer, then a mix of reads, writes, interactive transactions and idempotent claims. */
async function client(c: number): Promise<Acknowledged[]> {
  const acks: Acknowledged[] = [];
  const legalName = `Client ${c} ${randomUUID()}`;
  const input = ZCreateCustomerInput.parse({ legalName, billingEmail: `c${c}@example.com` });
  const { customerId } = await createCustomer(db, staff, input, now);
  acks.push({ kind: "customer", customerId, legalName });
  for (let op = 0; op < OPERATIONS_PER_CLIENT; op++) {
    switch (op % 4) {
      case 0: {
        // Write + interactive transaction (locked counter row) with values unique to this request.
        const description = `c${c}-op${op}-${randomUUID()}`;
        const amount = 1000 + c * 100 + op;
        const { invoiceId } = await createDraftInvoice(db, staff, draftInput(customerId, description, amount), now);
        const { number } = await issueInvoice(db, staff, invoiceId, now);
        acks.push({ kind: "invoice", customerId, invoiceId, number, description });
        break;
      }
      case 1: {
        // Reads scoped to this client's company must return this client's rows, and only them.
        const summary = await findCustomerSummary(db, customerId);
        expect(summary?.legalName).toBe(legalName);
        const { items } = await listInvoices(db, { customerId }, {}, { limit: 100 });
        for (const item of items) expect(item.customerId).toBe(customerId);
        acks.push({ kind: "read", customerId, seen: items.length });
        break;
      }
      case 2: {
        // An idempotency claim shared by two clients: exactly one of them runs the work.
        const key = `shared-${Math.floor(c / 2)}-${op}`;
        const hash = requestHash("POST", "/api/v1/burst", { key });
        let ran = false;
        const result = await withIdempotency(db, { tokenId, key, method: "POST", path: "/api/v1/burst", hash }, now, async () => {
          ran = true;
          return { status: 201, body: { key } };
        });
        acks.push({ kind: "idempotent", key, status: result.status, ran });
        break;
      }
      default: {
        const last = acks.filter((a) => a.kind === "invoice").at(-1);
        if (last?.kind === "invoice") {
          const detail = await findInvoiceDetail(db, { customerId }, last.invoiceId);
          expect(detail?.number).toBe(last.number);
          expect(detail?.lines.map((l) => l.description)).toEqual([last.description]);
        }
      }
    }
  }
  return acks;
}

describe("the embedded database under a concurrent burst", () => {
  it("answers every request with its own values and keeps exactly the acknowledged rows", async () => {
    const results = await Promise.allSettled(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const acks = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));

    const customers = acks.filter((a) => a.kind === "customer");
    const invoices = acks.filter((a) => a.kind === "invoice");
    expect(customers).toHaveLength(CLIENTS);
    expect(invoices.length).toBe(CLIENTS * Math.ceil(OPERATIONS_PER_CLIENT / 4));

    // Rows in the database are exactly the acknowledged ones, each with its own values.
    const rows = await db.customer.findMany({ select: { id: true, legalName: true } });
    expect(new Map(rows.map((r) => [r.id, r.legalName]))).toEqual(new Map(customers.map((a) => [a.customerId, a.legalName])));
    const lines = await db.invoiceLine.findMany({ select: { invoiceId: true, description: true, invoice: { select: { customerId: true, number: true } } } });
    expect(lines.map((l) => `${l.invoice.customerId}/${l.invoice.number}/${l.description}`).sort()).toEqual(
      invoices.map((a) => `${a.customerId}/${a.number}/${a.description}`).sort(),
    );

    // Gapless numbering held under concurrency: the numbers are 1..N without a hole or a repeat.
    const sequences = invoices.map((a) => Number(a.number.slice(-6))).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: invoices.length }, (_, i) => i + 1));

    // Each shared idempotency key ran exactly once; its twin got the stored answer (or 409 while in flight).
    const claims = acks.filter((a) => a.kind === "idempotent");
    const byKey = new Map<string, typeof claims>();
    for (const claim of claims) byKey.set(claim.key, [...(byKey.get(claim.key) ?? []), claim]);
    for (const [, twins] of byKey) expect(twins.filter((t) => t.ran)).toHaveLength(1);
    for (const claim of claims) expect([201, 409]).toContain(claim.status);
    const stored = await db.idempotencyKey.findMany({ where: { tokenId } });
    expect(stored.map((k) => k.key).sort()).toEqual([...byKey.keys()].sort());
    expect(stored.every((k) => k.responseStatus === 201)).toBe(true);
  });
});
