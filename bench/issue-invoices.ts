// Benchmark: creating and issuing invoices through the real use-cases, sequentially and with
// concurrency, on a throwaway database. Results go to bench/results/issue-invoices.json.
//   npx tsx bench/issue-invoices.ts [count=200]
import fs from "node:fs";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { createPrismaClient } from "@/server/db/client";
import { createFreshDatabase } from "../tools/lib/test-database.mjs";

const count = Number(process.argv[2] ?? 200);
const database = await createFreshDatabase("comptoir_bench");
const db = createPrismaClient(database.url);
const now = new Date("2026-01-15T10:00:00Z");

try {
  const customer = await db.customer.create({ data: { legalName: "Bench SARL", billingEmail: "bench@example.com" } });
  const staff = { id: crypto.randomUUID(), email: "bench@example.com", name: "Bench" };
  const lines = [
    { description: "Serveur", quantity: "1", unitAmountMinor: 14900, taxRateBp: 2000, periodStart: "2026-01-15", periodEnd: "2026-02-15" },
    { description: "Support", quantity: "1.5", unitAmountMinor: 9000, taxRateBp: 2000 },
  ];
  const draft = async () => (await createDraftInvoice(db, staff, { customerId: customer.id, notes: "", lines }, now)).invoiceId;

  const t0 = performance.now();
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(await draft());
  const draftMs = performance.now() - t0;

  const half = Math.floor(count / 2);
  const t1 = performance.now();
  for (const id of ids.slice(0, half)) await issueInvoice(db, staff, id, now);
  const sequentialMs = performance.now() - t1;

  const t2 = performance.now();
  await Promise.all(ids.slice(half).map((id) => issueInvoice(db, staff, id, now)));
  const concurrentMs = performance.now() - t2;

  const numbers = (await db.invoice.findMany({ where: { customerId: customer.id }, select: { number: true } })).map((i) => Number(i.number?.slice(-6)));
  const result = {
    date: new Date().toISOString(),
    database: database.kind,
    count,
    draftsPerSecond: Math.round((count / draftMs) * 1000),
    sequentialIssuesPerSecond: Math.round((half / sequentialMs) * 1000),
    concurrentIssuesPerSecond: Math.round(((count - half) / concurrentMs) * 1000),
    gapless: new Set(numbers).size === count && Math.max(...numbers) - Math.min(...numbers) === count - 1,
  };
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/issue-invoices.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(result);
} finally {
  await db.$disconnect();
  await database.drop();
}
